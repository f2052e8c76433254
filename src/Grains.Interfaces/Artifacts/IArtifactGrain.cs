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

/// <summary>One write-once artifact record, keyed by artifact id.</summary>
[Alias("LabSandbox.IArtifactGrain")]
public interface IArtifactGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task<ArtifactWriteResult> WriteAsync(ArtifactRecord record);

    [ReadOnly, Alias("Get")]
    Task<ArtifactRecord?> GetAsync();
}
