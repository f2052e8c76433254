using System.Collections.Concurrent;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>
/// The state behind <see cref="LedgerGrainStorage"/>, shared by both silos of the test cluster (they
/// run in the test process): stored payloads with their versions, and write/clear counters per state
/// name and per grain, so tests can prove that an operation wrote nothing (INV-6).
/// </summary>
public sealed class StorageLedger
{
    /// <summary>The one ledger of this test process (the silos are created by the TestCluster, not by us).</summary>
    public static StorageLedger Shared { get; } = new();

    private readonly object _gate = new();
    private readonly Dictionary<string, StoredState> _states = [];
    private readonly ConcurrentDictionary<string, long> _writesByStateName = new();
    private readonly ConcurrentDictionary<string, long> _writesByGrain = new();
    private readonly ConcurrentDictionary<string, long> _clearsByStateName = new();
    private readonly ConcurrentDictionary<string, long> _readsByGrain = new();
    private long _version;

    public sealed record StoredState(BinaryData Payload, string ETag);

    /// <summary>A point-in-time copy of every counter, to compare before and after an operation.</summary>
    public sealed record Counters(
        IReadOnlyDictionary<string, long> WritesByStateName,
        IReadOnlyDictionary<string, long> ClearsByStateName,
        long TotalWrites,
        long TotalClears)
    {
        public long Writes(string stateName) => WritesByStateName.GetValueOrDefault(stateName);

        public override string ToString() =>
            $"writes {TotalWrites} ({string.Join(", ", WritesByStateName.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}), clears {TotalClears}";
    }

    public Counters Snapshot()
    {
        lock (_gate)
        {
            var writes = new Dictionary<string, long>(_writesByStateName);
            var clears = new Dictionary<string, long>(_clearsByStateName);
            return new Counters(writes, clears, writes.Values.Sum(), clears.Values.Sum());
        }
    }

    /// <summary>Writes (clears included) of one grain's state, e.g. <c>("run", "run-…")</c>.</summary>
    public long WritesOf(string stateName, string grainKey) =>
        _writesByGrain.Where(p => p.Key.StartsWith(stateName + "|", StringComparison.Ordinal)
                && p.Key.EndsWith("/" + grainKey, StringComparison.Ordinal))
            .Sum(p => p.Value);

    /// <summary>Reads of one grain's state: each activation reads it once.</summary>
    public long ReadsOf(string stateName, string grainKey) =>
        _readsByGrain.Where(p => p.Key.StartsWith(stateName + "|", StringComparison.Ordinal)
                && p.Key.EndsWith("/" + grainKey, StringComparison.Ordinal))
            .Sum(p => p.Value);

    public StoredState? Read(string stateName, string grainId)
    {
        lock (_gate)
        {
            var key = Key(stateName, grainId);
            _readsByGrain.AddOrUpdate(key, 1, (_, n) => n + 1);
            return _states.GetValueOrDefault(key);
        }
    }

    /// <summary>Stores the payload if <paramref name="expectedETag"/> is the current one; returns the new etag, or null on a stale etag.</summary>
    public string? TryWrite(string stateName, string grainId, string? expectedETag, BinaryData payload, out string? currentETag)
    {
        lock (_gate)
        {
            var key = Key(stateName, grainId);
            currentETag = _states.GetValueOrDefault(key)?.ETag;
            if (currentETag != expectedETag)
            {
                return null;
            }

            var etag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _states[key] = new StoredState(payload, etag);
            _writesByStateName.AddOrUpdate(stateName, 1, (_, n) => n + 1);
            _writesByGrain.AddOrUpdate(key, 1, (_, n) => n + 1);
            return etag;
        }
    }

    /// <summary>Removes the state if <paramref name="expectedETag"/> is the current one; false on a stale etag.</summary>
    public bool TryClear(string stateName, string grainId, string? expectedETag, out string? currentETag)
    {
        lock (_gate)
        {
            var key = Key(stateName, grainId);
            currentETag = _states.GetValueOrDefault(key)?.ETag;
            if (currentETag != expectedETag)
            {
                return false;
            }

            _states.Remove(key);
            _clearsByStateName.AddOrUpdate(stateName, 1, (_, n) => n + 1);
            _writesByGrain.AddOrUpdate(key, 1, (_, n) => n + 1);
            return true;
        }
    }

    private static string Key(string stateName, string grainId) => $"{stateName}|{grainId}";
}
