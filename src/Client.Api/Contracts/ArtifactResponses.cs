using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Contracts;

public sealed record ArtifactResponse(
    string ArtifactId, string RunId, string Kind, string ContentType, string? StorageUri, string Sha256, long SizeBytes,
    IReadOnlyDictionary<string, string> Summary, ArtifactLineage Lineage, DateTimeOffset CreatedAt, string ContentUrl)
{
    public static ArtifactResponse From(ArtifactRecord a, string contentUrl) => new(
        a.ArtifactId, a.RunId, a.Kind, a.ContentType, a.StorageUri, a.Sha256, a.SizeBytes,
        new SortedDictionary<string, string>(a.Summary.ToDictionary(), StringComparer.Ordinal), a.Lineage, a.CreatedAt, contentUrl);
}

/// <summary>One node of a lineage walk: the artifact, the run that made it, and what it was made from.</summary>
public sealed record LineageNode(
    string ArtifactId, string Kind, string RunId, string? RunKind, string? ParamsHash, string? EngineVersion,
    IReadOnlyList<string> UpstreamArtifactIds, IReadOnlyList<DatasetRef> DatasetRefs);

public sealed record LineageResponse(string ArtifactId, IReadOnlyList<LineageNode> Nodes);
