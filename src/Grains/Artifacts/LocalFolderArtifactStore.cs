namespace LabSandbox.Grains.Artifacts;

/// <summary>
/// The default artifact store: one folder per artifact under a root folder, addressed by <c>file://</c> URIs.
/// Writes go to a temporary file first, so a reader never sees half an artifact.
/// </summary>
public sealed class LocalFolderArtifactStore(string root) : IArtifactStore
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || artifactId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Artifact id '{artifactId}' or file name '{fileName}' is not a safe file name.");
        }

        var folder = Path.Combine(_root, artifactId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temp = path + ".partial";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, path, overwrite: true);
        return new Uri(path).AbsoluteUri;
    }

    public Stream OpenRead(string storageUri)
    {
        var path = new Uri(storageUri).LocalPath;
        if (!Path.GetFullPath(path).StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"'{storageUri}' is outside the artifact store.");
        }

        return File.OpenRead(path);
    }
}
