using k8s.Models;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// The environment Kubernetes would give a container: literal values, downward-API fields, Secret and ConfigMap keys
/// (<c>env</c> and <c>envFrom</c>), resolved from the rendered objects. Downward-API fields have no cluster to come
/// from here: the caller supplies them (loopback values).
/// </summary>
public static class ContainerEnvironment
{
    public static Dictionary<string, string> Resolve(V1Container container, ManifestObjects objects, IReadOnlyDictionary<string, string> fieldValues)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } map)
            {
                foreach (var (key, value) in objects.Single<V1ConfigMap>(map.Name).Data ?? new Dictionary<string, string>())
                {
                    environment[(source.Prefix ?? "") + key] = value;
                }
            }

            if (source.SecretRef is { } secret)
            {
                foreach (var key in objects.Single<V1Secret>(secret.Name).Data?.Keys ?? [])
                {
                    environment[(source.Prefix ?? "") + key] = objects.SecretValue(secret.Name, key);
                }
            }
        }

        // Later entries win, as in Kubernetes; env overrides envFrom.
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable.ValueFrom switch
            {
                null => variable.Value ?? "",
                { FieldRef: { } field } => fieldValues.TryGetValue(field.FieldPath, out var value)
                    ? value
                    : throw new InvalidOperationException($"{variable.Name}: no value given for the downward-API field '{field.FieldPath}'."),
                { SecretKeyRef: { } secret } => objects.SecretValue(secret.Name, secret.Key),
                { ConfigMapKeyRef: { } map } => objects.ConfigMapValue(map.Name, map.Key),
                _ => throw new InvalidOperationException($"{variable.Name}: an env source this test cannot resolve."),
            };
        }

        return environment;
    }
}
