using LabSandbox.Deploy.Tests.Infrastructure;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>The committed overlays, rendered once per test run (kubectl kustomize is the slow part).</summary>
public static class Overlays
{
    private static readonly Dictionary<string, Lazy<Task<RenderedManifests>>> Rendered = new()
    {
        ["dev"] = new(() => Kustomize.RenderObjectsAsync(DeployPaths.DevOverlay)),
        ["prod"] = new(() => Kustomize.RenderObjectsAsync(DeployPaths.ProdOverlay)),
    };

    public static Task<RenderedManifests> RenderAsync(string overlay) => Rendered[overlay].Value;

    /// <summary>Secrets an overlay may reference without rendering them: prod's operator-created one, none in dev.</summary>
    public static IReadOnlySet<(string Name, string Key)> ExternalSecrets(string overlay) =>
        overlay == "prod" ? AgreedNames.ProdExternalSecrets : new HashSet<(string, string)>();
}
