namespace LabSandbox.Grains.Interfaces.Artifacts;

/// <summary>
/// An immutable run output. Small content is inline (<see cref="InlineContent"/>); heavy content lives
/// in the artifact store at <see cref="StorageUri"/>. <see cref="Sha256"/> is always the digest of the bytes.
/// A retention run may later delete heavy bytes: it first tombstones the record (<see cref="DeletedAt"/>,
/// <see cref="DeletedByRunId"/>); the record itself, its summary and lineage stay.
/// </summary>
/// <param name="DeletedAt">When a retention run tombstoned the artifact; null while its bytes are kept.</param>
/// <param name="DeletedByRunId">The retention run that tombstoned it.</param>
/// <param name="ParquetStorageUri">
/// Where the artifact store keeps the Parquet form of a heavy JSON Lines artifact (its tabular form, see
/// <c>ArtifactTabular</c>), written beside its bytes; null for inline artifacts and for ones written before it existed.
/// </param>
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
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? DeletedAt = null,
    [property: Id(12)] string? DeletedByRunId = null,
    [property: Id(13)] string? ParquetStorageUri = null);
