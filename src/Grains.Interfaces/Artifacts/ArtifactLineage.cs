using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Interfaces.Artifacts;

/// <summary>What an artifact was computed from: upstream artifacts and dataset versions (INV-5).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactLineage")]
public sealed record ArtifactLineage(
    [property: Id(0)] IReadOnlyList<string> UpstreamArtifactIds,
    [property: Id(1)] IReadOnlyList<DatasetRef> DatasetRefs)
{
    /// <summary>A lineage must name at least one upstream artifact or dataset, each fully identified.</summary>
    public bool IsComplete() =>
        (UpstreamArtifactIds.Count > 0 || DatasetRefs.Count > 0)
        && UpstreamArtifactIds.All(id => !string.IsNullOrWhiteSpace(id))
        && DatasetRefs.All(d => !string.IsNullOrWhiteSpace(d.Id) && !string.IsNullOrWhiteSpace(d.Digest));
}
