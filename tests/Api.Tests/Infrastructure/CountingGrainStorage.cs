using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>Decorates the real grain storage and counts every write and clear, per state name (INV-6 proofs).</summary>
public sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Providers such as ADO.NET initialise through the silo lifecycle: pass that through.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    public int TotalWrites => _writes.Values.Sum();

    public IReadOnlyDictionary<string, int> WritesByState => new SortedDictionary<string, int>(_writes, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>The state last written under a state name, as JSON (the product's storage serializer is System.Text.Json too).</summary>
    public string? LastWritten(string stateName) => _lastWritten.TryGetValue(stateName, out var json) ? json : null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate(stateName, 1, (_, n) => n + 1);
        _lastWritten[stateName] = JsonSerializer.Serialize(grainState.State);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate(stateName, 1, (_, n) => n + 1);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
