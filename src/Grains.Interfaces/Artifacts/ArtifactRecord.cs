namespace LabSandbox.Grains.Interfaces.Artifacts;

/// <summary>
/// An immutable run output. Small content is inline (<see cref="InlineContent"/>); heavy content lives
/// in the artifact store at <see cref="StorageUri"/>. <see cref="Sha256"/> is always the digest of the bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactRecord")]
public sealed record ArtifactRecord(
    [property: Id(0)] string ArtifactId,
    [property: Id(1)] string RunId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string ContentType,
    [property: Id(4)] string? InlineContent,
    [property: Id(5)] string? StorageUri,
    [property: Id(6)] string Sha256,
    [property: Id(7)] long SizeBytes,
    [property: Id(8)] IReadOnlyDictionary<string, string> Summary,
    [property: Id(9)] ArtifactLineage Lineage,
    [property: Id(10)] DateTimeOffset CreatedAt);
