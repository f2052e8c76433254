namespace LabSandbox.Deploy.Tests.Agent;

/// <summary>
/// A kubeconfig file whose current context points at a <see cref="StubKubernetesApiServer"/> over plain HTTP on
/// loopback, with a dummy bearer token: what <c>LabSandbox:Kubernetes:KubeConfigPath</c> hands to the silo.
/// </summary>
public static class StubKubeConfig
{
    public static string Write(string folder, StubKubernetesApiServer stub)
    {
        var path = Path.Combine(folder, "kubeconfig.yaml");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: stub
              cluster:
                server: {stub.Address.ToString().TrimEnd('/')}
            users:
            - name: stub
              user:
                token: stub-token
            contexts:
            - name: stub
              context:
                cluster: stub
                user: stub
                namespace: {stub.Namespace}
            current-context: stub
            """);
        return path;
    }
}
