namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>
/// A throwaway copy of deploy/k8s (base and overlays, so relative paths still resolve) that a negative control
/// breaks on purpose before rendering it. Deleted on dispose.
/// </summary>
public sealed class OverlayCopy : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("labsandbox-k8s-");

    public OverlayCopy()
    {
        Copy(new DirectoryInfo(DeployPaths.KubernetesFolder), _root);
    }

    public string Root => _root.FullName;

    public string Overlay(string name) => Path.Combine(Root, "overlays", name);

    /// <summary>Replaces the first occurrence of <paramref name="find"/> in a file (path relative to deploy/k8s); throws when absent.</summary>
    public OverlayCopy Replace(string relativePath, string find, string replacement)
    {
        var file = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            // A control whose break no longer applies would pass for the wrong reason.
            throw new InvalidOperationException($"'{find}' not found in {relativePath}: update the negative control");
        }

        File.WriteAllText(file, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length)));
        return this;
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static void Copy(DirectoryInfo from, DirectoryInfo to)
    {
        foreach (var file in from.GetFiles())
        {
            file.CopyTo(Path.Combine(to.FullName, file.Name));
        }

        foreach (var sub in from.GetDirectories())
        {
            Copy(sub, to.CreateSubdirectory(sub.Name));
        }
    }
}
