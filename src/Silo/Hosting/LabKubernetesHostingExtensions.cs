using k8s;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace LabSandbox.Silo.Hosting;

public static class LabKubernetesHostingExtensions
{
    /// <summary>
    /// Orleans' Kubernetes hosting when <paramref name="kubernetes"/> is enabled: the silo labels its pod with the
    /// service and cluster ids, watches the pods carrying them, and declares a silo dead as soon as its pod is deleted
    /// (instead of waiting for missed probes). It is no membership provider: ADO.NET clustering stays.
    /// </summary>
    public static ISiloBuilder UseLabKubernetesHosting(this ISiloBuilder silo, KubernetesHosting kubernetes)
    {
        if (!kubernetes.Enabled)
        {
            // Still known by its pod name when one is given (a pod where the hosting is switched off, or a process
            // started from the manifests' environment): membership then names the pod an operator sees.
            if (Environment.GetEnvironmentVariable(KubernetesHosting.PodNameVariable) is { Length: > 0 } podName)
            {
                silo.Configure<SiloOptions>(o => o.SiloName = podName);
            }

            return silo;
        }

        silo.UseKubernetesHosting(hosting => hosting.Configure(o =>
        {
            if (kubernetes.KubeConfigPath is { } path)
            {
                // Out of the cluster (or against a stub API server): the kubeconfig's current context.
                o.GetClientConfiguration = () => KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            }
        }));

        // Orleans takes the same value from POD_NAME; set here too so the rule does not depend on its defaults.
        silo.Configure<SiloOptions>(o => o.SiloName = kubernetes.PodName!);
        return silo;
    }
}
