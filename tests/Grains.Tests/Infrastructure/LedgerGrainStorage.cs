using Orleans.Storage;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>
/// In-memory grain storage for the test cluster. Payloads go through the silo's grain-storage serializer
/// (System.Text.Json, configured by <c>AddLabSandboxGrains</c>), so grains never share object instances
/// and the stored form is the production one. Etags are honoured: a stale write or clear throws
/// <see cref="InconsistentStateException"/>. Every write and clear is counted in <see cref="StorageLedger"/>.
/// </summary>
public sealed class LedgerGrainStorage(IGrainStorageSerializer serializer, StorageLedger ledger) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = ledger.Read(stateName, grainId.ToString());
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State);
        var etag = ledger.TryWrite(stateName, grainId.ToString(), grainState.ETag, payload, out var current)
            ?? throw Stale("write", stateName, grainId, current, grainState.ETag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!ledger.TryClear(stateName, grainId.ToString(), grainState.ETag, out var current))
        {
            throw Stale("clear", stateName, grainId, current, grainState.ETag);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static InconsistentStateException Stale(string operation, string stateName, GrainId grainId, string? stored, string? current) =>
        new($"Stale {operation} of '{stateName}' for {grainId}: stored etag '{stored}', grain holds '{current}'.",
            stored ?? "<none>", current ?? "<none>");
}
