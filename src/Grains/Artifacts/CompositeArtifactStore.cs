using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Artifacts;

/// <summary>
/// Writes to one store and reads or deletes through whichever store a URI's scheme names, so switching stores loses
/// nothing: <c>file:</c> URIs recorded before a switch to PostgreSQL (or <c>postgresql:</c> ones after a switch back)
/// stay readable and deletable by retention. A URI whose scheme no store claims is refused like any URI from outside
/// a store (<see cref="UnauthorizedAccessException"/>), never guessed at.
/// </summary>
/// <param name="writer">Where new bytes go.</param>
/// <param name="readers">By URI scheme including the colon (<c>file:</c>, <c>postgresql:</c>); compared ordinally, ignoring case.</param>
public sealed class CompositeArtifactStore(IArtifactStore writer, IReadOnlyDictionary<string, IArtifactStore> readers) : IArtifactStore
{
    public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        writer.PutAsync(artifactId, fileName, content, cancellationToken);

    public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default) =>
        For(storageUri).OpenReadAsync(storageUri, cancellationToken);

    public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) =>
        For(storageUri).DeleteAsync(storageUri, cancellationToken);

    private IArtifactStore For(string storageUri)
    {
        var colon = storageUri?.IndexOf(':') ?? -1;
        if (colon > 0)
        {
            var scheme = storageUri![..(colon + 1)];
            foreach (var (known, store) in readers)
            {
                if (string.Equals(known, scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return store;
                }
            }
        }

        throw new UnauthorizedAccessException($"'{storageUri}' is not a storage URI of any configured artifact store.");
    }
}
