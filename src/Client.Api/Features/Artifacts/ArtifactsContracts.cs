using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Artifacts;

/// <param name="Deleted">True once a retention run deleted the artifact's bytes (the record stays; its content is 410 Gone).</param>
public sealed record ArtifactResponse(
    string ArtifactId, string RunId, string Kind, string ContentType, string? StorageUri, string Sha256, long SizeBytes,
    IReadOnlyDictionary<string, string> Summary, ArtifactLineage Lineage, DateTimeOffset CreatedAt, string ContentUrl,
    bool Deleted, DateTimeOffset? DeletedAt, string? DeletedByRunId)
{
    public static ArtifactResponse From(ArtifactRecord a, string contentUrl) => new(
        a.ArtifactId, a.RunId, a.Kind, a.ContentType, a.StorageUri, a.Sha256, a.SizeBytes,
        new SortedDictionary<string, string>(a.Summary.ToDictionary(), StringComparer.Ordinal), a.Lineage, a.CreatedAt, contentUrl,
        a.DeletedAt is not null, a.DeletedAt, a.DeletedByRunId);
}

/// <summary>One node of a lineage walk: the artifact, the run that made it, and what it was made from.</summary>
/// <param name="Deleted">True when a retention run deleted the artifact's bytes; the node is still part of the lineage.</param>
public sealed record LineageNode(
    string ArtifactId, string Kind, string RunId, string? RunKind, string? ParamsHash, string? EngineVersion,
    IReadOnlyList<string> UpstreamArtifactIds, IReadOnlyList<DatasetRef> DatasetRefs, bool Deleted = false);

public sealed record LineageResponse(string ArtifactId, IReadOnlyList<LineageNode> Nodes);

/// <summary>A page of the runs that pinned an artifact as an input (downstream lineage), oldest first.</summary>
public sealed record ArtifactUsesResponse(string ArtifactId, IReadOnlyList<ArtifactUse> Uses, int Offset, int Total);
