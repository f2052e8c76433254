namespace LabSandbox.Grains.Interfaces.Artifacts;

/// <summary>
/// Where heavy artifact bytes live; records point at them by <c>storageUri</c> + SHA-256. A contract, not a grain:
/// the API streams content straight from the store (a folder the silos share, or PostgreSQL) instead of through grain
/// messages. Opening is asynchronous because a store may be a database a round trip away.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes under the artifact's id and returns the URI to read them back.</summary>
    Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens stored bytes; throws <see cref="FileNotFoundException"/> when they are gone and
    /// <see cref="UnauthorizedAccessException"/> when <paramref name="storageUri"/> is not a URI of this store.
    /// </summary>
    Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes stored bytes (retention). Idempotent: true when bytes were removed, false when they were already gone.
    /// </summary>
    Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default);
}
