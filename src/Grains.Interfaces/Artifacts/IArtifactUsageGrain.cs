namespace LabSandbox.Grains.Interfaces.Artifacts;

/// <summary>A run that pinned an artifact as one of its inputs (its spec's input artifact ids).</summary>
/// <param name="PinnedAt">The run's creation time: when it pinned the artifact.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactUse")]
public sealed record ArtifactUse(
    [property: Id(0)] string RunId,
    [property: Id(1)] string RunKind,
    [property: Id(2)] DateTimeOffset PinnedAt);

/// <summary>A page of an artifact's uses, oldest first, and how many there are in all.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactUsagePage")]
public sealed record ArtifactUsagePage(
    [property: Id(0)] IReadOnlyList<ArtifactUse> Uses,
    [property: Id(1)] int Total);

/// <summary>
/// The downstream side of lineage: which runs pinned this artifact (keyed by artifact id). A run records itself when it
/// is created; records are kept in the order they came and never removed (a run is never deleted, only its heavy bytes).
/// </summary>
[Alias("LabSandbox.IArtifactUsageGrain")]
public interface IArtifactUsageGrain : IGrainWithStringKey
{
    /// <summary>Records a use; idempotent per run id (a repeated create records nothing new).</summary>
    [Alias("Add")]
    Task AddAsync(ArtifactUse use);

    /// <summary>Up to <paramref name="limit"/> uses after the first <paramref name="offset"/>, oldest first.</summary>
    [ReadOnly, Alias("Get")]
    Task<ArtifactUsagePage> GetAsync(int offset, int limit);
}
