using System.Text;
using k8s;
using k8s.Models;

namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>The objects one overlay renders, strictly loaded, with look-ups by kind and name.</summary>
public sealed class RenderedManifests(string yaml, IReadOnlyList<IKubernetesObject> objects)
{
    public string Yaml { get; } = yaml;

    public IReadOnlyList<IKubernetesObject> Objects { get; } = objects;

    public IEnumerable<T> All<T>() where T : IKubernetesObject => Objects.OfType<T>();

    public T? Find<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata?.Name == name);

    public T Get<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Find<T>(name) ?? throw new KeyNotFoundException($"the overlay renders no {typeof(T).Name} named {name}");

    /// <summary>The one container of that name in the Deployment's pod template.</summary>
    public V1Container DeploymentContainer(string deployment, string container) =>
        Get<V1Deployment>(deployment).Spec.Template.Spec.Containers.Single(c => c.Name == container);

    /// <summary>A ConfigMap value, or null when the ConfigMap or the key is not rendered.</summary>
    public string? ConfigMapValue(string name, string key) =>
        Find<V1ConfigMap>(name)?.Data?.TryGetValue(key, out var value) == true ? value : null;

    /// <summary>A Secret value (data decoded, or stringData), or null when the Secret or the key is not rendered.</summary>
    public string? SecretValue(string name, string key)
    {
        var secret = Find<V1Secret>(name);
        if (secret?.StringData?.TryGetValue(key, out var text) == true)
        {
            return text;
        }

        return secret?.Data?.TryGetValue(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
    }
}
