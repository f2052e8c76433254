using k8s;

namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>Renders a kustomize overlay offline with <c>kubectl kustomize</c> and parses what it rendered.</summary>
public static class Kustomize
{
    /// <summary>The overlay's objects as one multi-document YAML; throws with kubectl's message when it cannot render.</summary>
    public static async Task<string> RenderAsync(string overlayPath)
    {
        var result = await Kubectl.RunAsync("kustomize", overlayPath);
        if (!result.Succeeded)
        {
            throw new KustomizeException($"kubectl kustomize {overlayPath} failed: {result}");
        }

        return result.Stdout;
    }

    /// <summary>
    /// Renders and loads every object with KubernetesClient's strict YAML loader: an unknown field (a typo, a field
    /// at the wrong level) throws instead of being dropped silently.
    /// </summary>
    public static async Task<RenderedManifests> RenderObjectsAsync(string overlayPath)
    {
        var yaml = await RenderAsync(overlayPath);
        return new RenderedManifests(yaml, LoadStrict(yaml));
    }

    public static IReadOnlyList<IKubernetesObject> LoadStrict(string yaml) =>
        KubernetesYaml.LoadAllFromString(yaml, strict: true)
            .Select(o => o as IKubernetesObject ?? throw new InvalidDataException($"not a Kubernetes object: {o?.GetType()}"))
            .ToList();
}

public sealed class KustomizeException(string message) : Exception(message);
