namespace LabSandbox.Grains.Artifacts;

/// <summary>
/// Resolves artifact ids, file names and <c>file://</c> storage URIs to paths, and never to one outside the root:
/// a storage URI comes from a record (grain state a database holds) and an id may come from a request, so neither is
/// trusted to stay inside. A name must be one plain path segment (not <c>.</c> or <c>..</c>, no separator of any
/// platform); a URI must be an absolute <c>file:</c> URI without a host whose normalised path (after unescaping and
/// resolving <c>..</c>) lies strictly under the root.
/// </summary>
public sealed class ArtifactStorePaths
{
    private readonly string _prefix;

    public ArtifactStorePaths(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _prefix = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
    }

    /// <summary>The root, absolute, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The path of <paramref name="fileName"/> in <paramref name="artifactId"/>'s folder.</summary>
    public string ForNew(string artifactId, string fileName)
    {
        if (!IsPlainSegment(artifactId) || !IsPlainSegment(fileName))
        {
            throw new ArgumentException($"Artifact id '{artifactId}' or file name '{fileName}' is not a safe file name.");
        }

        return Inside(Path.Combine(Root, artifactId, fileName)) ?? throw new ArgumentException($"'{artifactId}/{fileName}' is outside the artifact store.");
    }

    /// <summary>The path <paramref name="storageUri"/> names; <see cref="UnauthorizedAccessException"/> when it is not a path in the store.</summary>
    public string FromUri(string storageUri)
    {
        if (!Uri.TryCreate(storageUri, UriKind.Absolute, out var uri) || !uri.IsFile || !string.IsNullOrEmpty(uri.Host)
            || storageUri.Contains('\0'))
        {
            throw new UnauthorizedAccessException($"'{storageUri}' is not a file URI of the artifact store.");
        }

        return Inside(uri.LocalPath) ?? throw new UnauthorizedAccessException($"'{storageUri}' is outside the artifact store.");
    }

    /// <summary>True when <paramref name="path"/> is the store's root folder itself (never deleted).</summary>
    public bool IsRoot(string? path) => path is not null && Path.TrimEndingDirectorySeparator(path) == Root;

    private string? Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(_prefix, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>One plain path segment: not empty, not <c>.</c> or <c>..</c>, no separator of any platform, no control character.</summary>
    public static bool IsPlainSegment(string name) =>
        name.Length > 0 && name is not ("." or "..")
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name.IndexOfAny(['/', '\\', ':']) < 0
        && !name.Any(char.IsControl);
}
