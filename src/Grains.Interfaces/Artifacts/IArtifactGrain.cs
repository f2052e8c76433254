namespace LabSandbox.Grains.Interfaces.Artifacts;

public enum ArtifactWriteOutcome
{
    Written,

    /// <summary>The same artifact was already written (idempotent repeat).</summary>
    AlreadyExists,

    /// <summary>A different artifact already holds this id; nothing changed.</summary>
    Conflict,

    /// <summary>The record is invalid (e.g. no lineage, INV-5); nothing was written.</summary>
    Rejected,
}

[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactWriteResult")]
public sealed record ArtifactWriteResult(
    [property: Id(0)] ArtifactWriteOutcome Outcome,
    [property: Id(1)] string? Reason = null);

public enum ArtifactTombstoneOutcome
{
    /// <summary>The record is now marked deleted by this call.</summary>
    Tombstoned,

    /// <summary>It was marked deleted already (by this or an earlier retention run); nothing changed.</summary>
    AlreadyTombstoned,

    /// <summary>No such artifact; nothing changed.</summary>
    NotFound,

    /// <summary>Inline artifacts are never deleted; nothing changed.</summary>
    Rejected,
}

/// <param name="Record">The record after the call (null when it does not exist).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactTombstoneResult")]
public sealed record ArtifactTombstoneResult(
    [property: Id(0)] ArtifactTombstoneOutcome Outcome,
    [property: Id(1)] ArtifactRecord? Record,
    [property: Id(2)] string? Reason = null);

/// <summary>One write-once artifact record, keyed by artifact id.</summary>
[Alias("LabSandbox.IArtifactGrain")]
public interface IArtifactGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task<ArtifactWriteResult> WriteAsync(ArtifactRecord record);

    /// <summary>
    /// Marks a heavy artifact's bytes as deleted by retention run <paramref name="runId"/> at <paramref name="at"/>
    /// (a tombstone: the record stays). Idempotent: an artifact tombstoned already keeps its first tombstone.
    /// </summary>
    [Alias("Tombstone")]
    Task<ArtifactTombstoneResult> TombstoneAsync(string runId, DateTimeOffset at);

    [ReadOnly, Alias("Get")]
    Task<ArtifactRecord?> GetAsync();
}
