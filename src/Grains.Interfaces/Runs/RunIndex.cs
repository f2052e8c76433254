using System.Security.Cryptography;
using System.Text;

namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>One run as the catalog lists it.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunIndexEntry")]
public sealed record RunIndexEntry(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Kind,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] bool DeadLettered,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] int Attempt = 0,
    [property: Id(6)] string? LastError = null,
    [property: Id(7)] string? ClaimedBy = null,
    [property: Id(8)] string? CreatedBy = null);

/// <summary>A position in the catalog's order (newest first: created-at descending, then run id descending).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunCursor")]
public sealed record RunCursor(
    [property: Id(0)] DateTimeOffset CreatedAt,
    [property: Id(1)] string RunId);

/// <summary>A catalog query; <see cref="CreatedFrom"/> is inclusive and <see cref="CreatedTo"/> exclusive.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunQuery")]
public sealed record RunQuery(
    [property: Id(0)] string? Kind,
    [property: Id(1)] RunStatus? Status,
    [property: Id(2)] RunCursor? After,
    [property: Id(3)] int Limit,
    [property: Id(4)] bool? DeadLettered = null,
    [property: Id(5)] DateTimeOffset? CreatedFrom = null,
    [property: Id(6)] DateTimeOffset? CreatedTo = null);

/// <summary>How many runs of one catalog shard are in each status, and how many of them are dead-lettered.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunStatusCounts")]
public sealed record RunStatusCounts(
    [property: Id(0)] int Queued,
    [property: Id(1)] int Running,
    [property: Id(2)] int Succeeded,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Cancelled,
    [property: Id(5)] int DeadLettered)
{
    public static RunStatusCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Queued + Running + Succeeded + Failed + Cancelled;

    /// <summary>Adds two shards' counts (the catalog's counts are the sum over its shards).</summary>
    public RunStatusCounts Plus(RunStatusCounts other) => new(
        Queued + other.Queued, Running + other.Running, Succeeded + other.Succeeded, Failed + other.Failed,
        Cancelled + other.Cancelled, DeadLettered + other.DeadLettered);

    public int Of(RunStatus status) => status switch
    {
        RunStatus.Queued => Queued,
        RunStatus.Running => Running,
        RunStatus.Succeeded => Succeeded,
        RunStatus.Failed => Failed,
        _ => Cancelled,
    };
}

/// <summary>The run catalog is sharded by run id so no single grain is hot for every call.</summary>
public static class RunIndex
{
    public const int ShardCount = 8;

    public static string ShardKey(int shard) => $"runs-shard-{shard}";

    public static string ShardKeyFor(string runId) =>
        ShardKey(SHA256.HashData(Encoding.UTF8.GetBytes(runId))[0] % ShardCount);

    /// <summary>The catalog's total order: newest first, ties broken by run id (descending).</summary>
    public static int Compare(RunIndexEntry a, RunIndexEntry b)
    {
        var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(b.RunId, a.RunId);
    }

    /// <summary>True when <paramref name="entry"/> comes strictly after the cursor in the catalog's order.</summary>
    public static bool IsAfter(RunIndexEntry entry, RunCursor cursor)
    {
        var byTime = cursor.CreatedAt.CompareTo(entry.CreatedAt);
        return byTime != 0 ? byTime > 0 : string.CompareOrdinal(cursor.RunId, entry.RunId) > 0;
    }
}

[Alias("LabSandbox.IRunIndexGrain")]
public interface IRunIndexGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task UpsertAsync(RunIndexEntry entry);

    /// <summary>Up to <see cref="RunQuery.Limit"/> matching entries after the cursor, in catalog order.</summary>
    [ReadOnly, Alias("Query")]
    Task<IReadOnlyList<RunIndexEntry>> QueryAsync(RunQuery query);

    /// <summary>
    /// This shard's runs by status, kept as the entries change, so a dashboard reads eight small records instead
    /// of listing every run.
    /// </summary>
    [ReadOnly, Alias("Count")]
    Task<RunStatusCounts> CountAsync();
}

/// <summary>Allocates run ids per params hash: <c>run-{hash prefix}-{n}</c>, deterministic, never reused.</summary>
[Alias("LabSandbox.IRunIdAllocatorGrain")]
public interface IRunIdAllocatorGrain : IGrainWithStringKey
{
    /// <summary>The allocator key of a spec: its kind and the first 16 hex digits of its params hash.</summary>
    static string KeyFor(RunSpec spec) => $"{spec.Kind}-{spec.ParamsHash[..16]}";

    [Alias("Next")]
    Task<string> NextRunIdAsync();
}
