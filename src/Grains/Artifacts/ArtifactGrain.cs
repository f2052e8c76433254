using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Artifacts;

[GenerateSerializer]
public sealed class ArtifactState
{
    [Id(0)] public ArtifactRecord? Record { get; set; }
}

/// <summary>
/// A write-once artifact record. Writes without lineage are rejected (INV-5). The only later change is a
/// retention tombstone on a heavy artifact, set once and never undone.
/// </summary>
public sealed class ArtifactGrain(
    [PersistentState("artifact", LabStorage.Name)] IPersistentState<ArtifactState> state) : Grain, IArtifactGrain
{
    public async Task<ArtifactWriteResult> WriteAsync(ArtifactRecord record)
    {
        if (Validate(record) is { } problem)
        {
            return new ArtifactWriteResult(ArtifactWriteOutcome.Rejected, problem);
        }

        if (state.State.Record is { } existing)
        {
            var same = existing.RunId == record.RunId && existing.Kind == record.Kind && existing.Sha256 == record.Sha256;
            return same
                ? new ArtifactWriteResult(ArtifactWriteOutcome.AlreadyExists)
                : new ArtifactWriteResult(ArtifactWriteOutcome.Conflict, $"Artifact '{record.ArtifactId}' already holds different content.");
        }

        state.State.Record = record;
        await state.WriteStateAsync();
        return new ArtifactWriteResult(ArtifactWriteOutcome.Written);
    }

    public async Task<ArtifactTombstoneResult> TombstoneAsync(string runId, DateTimeOffset at)
    {
        if (state.State.Record is not { } record)
        {
            return new ArtifactTombstoneResult(ArtifactTombstoneOutcome.NotFound, null, $"Artifact '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (record.DeletedAt is not null)
        {
            return new ArtifactTombstoneResult(ArtifactTombstoneOutcome.AlreadyTombstoned, record);
        }

        if (record.StorageUri is null)
        {
            return new ArtifactTombstoneResult(ArtifactTombstoneOutcome.Rejected, record, "Inline artifacts are never deleted.");
        }

        if (string.IsNullOrWhiteSpace(runId))
        {
            return new ArtifactTombstoneResult(ArtifactTombstoneOutcome.Rejected, record, "A tombstone needs the retention run's id.");
        }

        state.State.Record = record with { DeletedAt = at, DeletedByRunId = runId };
        await state.WriteStateAsync();
        return new ArtifactTombstoneResult(ArtifactTombstoneOutcome.Tombstoned, state.State.Record);
    }

    public Task<ArtifactRecord?> GetAsync() => Task.FromResult(state.State.Record);

    private string? Validate(ArtifactRecord record)
    {
        if (record.ArtifactId != this.GetPrimaryKeyString())
        {
            return $"Record id '{record.ArtifactId}' does not match grain '{this.GetPrimaryKeyString()}'.";
        }

        if (string.IsNullOrWhiteSpace(record.RunId) || string.IsNullOrWhiteSpace(record.Kind) || string.IsNullOrWhiteSpace(record.Sha256))
        {
            return "An artifact needs a run id, a kind and a SHA-256.";
        }

        if (record.Lineage is null || !record.Lineage.IsComplete())
        {
            return "An artifact must name its upstream artifacts or dataset refs (lineage is missing or incomplete).";
        }

        return (record.InlineContent is null) == (record.StorageUri is null)
            ? "An artifact has either inline content or a storage URI, exactly one of them."
            : null;
    }
}
