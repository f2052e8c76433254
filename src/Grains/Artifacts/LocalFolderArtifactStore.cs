using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Artifacts;

/// <summary>
/// The default artifact store: one folder per artifact under a root folder, addressed by <c>file://</c> URIs.
/// Writes go to a temporary file first, so a reader never sees half an artifact.
/// </summary>
public sealed class LocalFolderArtifactStore(string root) : IArtifactStore
{
    private readonly ArtifactStorePaths _paths = new(root);

    public async Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = _paths.ForNew(artifactId, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".partial";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, path, overwrite: true);
        return new Uri(path).AbsoluteUri;
    }

    public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _paths.FromUri(storageUri);
        try
        {
            return Task.FromResult<Stream>(File.OpenRead(path));
        }
        catch (DirectoryNotFoundException ex)
        {
            // Retention removes an artifact's folder with its bytes: to a reader that is the file gone.
            throw new FileNotFoundException($"'{storageUri}' is not in the artifact store.", path, ex);
        }
    }

    /// <summary>Removes the file and then its artifact folder when that is left empty; a file already gone is not an error.</summary>
    public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _paths.FromUri(storageUri);
        var existed = File.Exists(path);
        if (existed)
        {
            File.Delete(path); // no error when another deleter got there first
        }

        var folder = Path.GetDirectoryName(path);
        try
        {
            if (folder is not null && !_paths.IsRoot(folder) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Something was written into the folder meanwhile (or it went already): leave it.
        }

        return Task.FromResult(existed);
    }
}
