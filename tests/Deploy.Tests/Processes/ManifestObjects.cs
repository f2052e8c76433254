using k8s;
using k8s.Models;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>The objects of one rendered overlay, looked up by kind and name as the cluster would.</summary>
public sealed class ManifestObjects(IReadOnlyList<object> objects)
{
    public IReadOnlyList<object> All => objects;

    public static ManifestObjects Parse(string renderedYaml) => new(KubernetesYaml.LoadAllFromString(renderedYaml, strict: true));

    public T Single<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"The overlay renders no {typeof(T).Name} named '{name}'.");

    /// <summary>A Secret's value, whether the overlay wrote it as <c>stringData</c> or base64 <c>data</c>.</summary>
    public string SecretValue(string name, string key)
    {
        var secret = Single<V1Secret>(name);
        if (secret.StringData?.TryGetValue(key, out var text) == true)
        {
            return text;
        }

        return secret.Data?.TryGetValue(key, out var bytes) == true
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : throw new InvalidOperationException($"Secret '{name}' has no key '{key}'.");
    }

    public string ConfigMapValue(string name, string key) =>
        Single<V1ConfigMap>(name).Data?.TryGetValue(key, out var value) == true
            ? value
            : throw new InvalidOperationException($"ConfigMap '{name}' has no key '{key}'.");
}
