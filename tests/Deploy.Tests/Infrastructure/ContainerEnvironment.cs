using k8s.Models;

namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>
/// A container's environment as the kubelet would build it from the rendered objects: envFrom first, then env
/// (later entries win), with configMapKeyRef and secretKeyRef read from the overlay's ConfigMaps and Secrets and
/// fieldRef values from <c>fieldValue</c> (a pod's metadata.name, status.podIP, ...: a test outside a cluster supplies
/// loopback stand-ins). A reference to an object or key the overlay does not render throws, unless
/// <c>external</c> supplies it (prod's operator-created Secret).
/// </summary>
public static class ContainerEnvironment
{
    public static IReadOnlyDictionary<string, string> Resolve(
        RenderedManifests manifests,
        V1Container container,
        Func<string, string> fieldValue,
        Func<string, string, string?>? external = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } configMapRef)
            {
                var data = manifests.Find<V1ConfigMap>(configMapRef.Name)?.Data
                    ?? throw new KeyNotFoundException($"envFrom ConfigMap {configMapRef.Name} is not rendered");
                foreach (var (key, value) in data)
                {
                    result[prefix + key] = value;
                }
            }

            if (source.SecretRef is { } secretRef)
            {
                var secret = manifests.Find<V1Secret>(secretRef.Name)
                    ?? throw new KeyNotFoundException($"envFrom Secret {secretRef.Name} is not rendered");
                foreach (var key in (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []).Distinct())
                {
                    result[prefix + key] = manifests.SecretValue(secretRef.Name, key)!;
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            result[variable.Name] = Value(manifests, variable, fieldValue, external);
        }

        return result;
    }

    private static string Value(
        RenderedManifests manifests, V1EnvVar variable, Func<string, string> fieldValue, Func<string, string, string?>? external)
    {
        var from = variable.ValueFrom;
        if (from is null)
        {
            return variable.Value ?? "";
        }

        if (from.FieldRef is { } fieldRef)
        {
            return fieldValue(fieldRef.FieldPath);
        }

        if (from.ConfigMapKeyRef is { } configMapKey)
        {
            return manifests.ConfigMapValue(configMapKey.Name, configMapKey.Key)
                ?? external?.Invoke(configMapKey.Name, configMapKey.Key)
                ?? throw new KeyNotFoundException($"{variable.Name}: ConfigMap {configMapKey.Name} key {configMapKey.Key} is not rendered");
        }

        if (from.SecretKeyRef is { } secretKey)
        {
            return manifests.SecretValue(secretKey.Name, secretKey.Key)
                ?? external?.Invoke(secretKey.Name, secretKey.Key)
                ?? throw new KeyNotFoundException($"{variable.Name}: Secret {secretKey.Name} key {secretKey.Key} is not rendered");
        }

        throw new NotSupportedException($"{variable.Name}: only value, fieldRef, configMapKeyRef and secretKeyRef are used here");
    }
}
