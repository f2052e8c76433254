using System.Net;
using Microsoft.Extensions.Configuration;

namespace LabSandbox.Silo.Hosting;

/// <summary>
/// Whether a silo runs with Orleans' Kubernetes hosting, and what it then takes from its pod: the silo name
/// (POD_NAME), the namespace (POD_NAMESPACE), the advertised address (<c>LabSandbox:AdvertisedAddress</c>, else
/// POD_IP). Decided once from configuration and the environment, before the host is built, so a pod that is
/// misconfigured fails at start with a message instead of joining the cluster under the wrong identity.
/// </summary>
public sealed record KubernetesHosting(
    bool Enabled,
    string? KubeConfigPath,
    string? PodName,
    string? PodNamespace,
    IPAddress? AdvertisedAddress)
{
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";
    public const string PodNameVariable = "POD_NAME";
    public const string PodNamespaceVariable = "POD_NAMESPACE";
    public const string PodIpVariable = "POD_IP";
    public const string ServiceIdVariable = "ORLEANS_SERVICE_ID";
    public const string ClusterIdVariable = "ORLEANS_CLUSTER_ID";

    /// <summary>The port of the silo host's health server when Kubernetes hosting is on and none is configured.</summary>
    public const int DefaultHealthPort = 8081;

    public static readonly KubernetesHosting Disabled = new(false, null, null, null, null);

    /// <summary>
    /// Listen on every address of the pod (kubelet probes and other pods reach the pod IP, and a pod may have
    /// several interfaces), except when the advertised address is loopback: nothing outside the machine could
    /// use such a silo anyway, and tests on a shared machine bind to 127.0.0.1 only.
    /// </summary>
    public bool ListenOnAnyAddress => Enabled && AdvertisedAddress is not null && !IPAddress.IsLoopback(AdvertisedAddress);

    /// <param name="options">The bound <c>LabSandbox</c> section.</param>
    /// <param name="advertisedAddressConfigured">Whether <c>LabSandbox:AdvertisedAddress</c> was set (its default is loopback).</param>
    /// <param name="environment">Reads an environment variable (Orleans reads the same ones from the process).</param>
    /// <param name="hasDatabase">Whether <c>ConnectionStrings:LabSandbox</c> is set: silos of a cluster find each other there.</param>
    public static KubernetesHosting Resolve(LabSandboxOptions options, bool advertisedAddressConfigured, Func<string, string?> environment, bool hasDatabase = true)
    {
        var enabled = options.Kubernetes.Enabled ?? (hasDatabase && !string.IsNullOrWhiteSpace(environment(ServiceHostVariable)));
        if (!enabled)
        {
            // A pod without a database (a one-pod trial of the image) runs the embedded default: Kubernetes hosting is
            // no membership provider, and a lone silo on localhost clustering has no other pod to watch.
            return Disabled;
        }

        if (!hasDatabase)
        {
            throw new InvalidOperationException(
                "LabSandbox:Kubernetes:Enabled needs ConnectionStrings:LabSandbox: the silos of a cluster find each other through PostgreSQL.");
        }

        // Orleans' Kubernetes hosting overrides ClusterOptions with these variables, while this project keys grain
        // state and the API's client by LabSandbox:ServiceId/ClusterId: two different answers would split the cluster.
        RequireSame(ServiceIdVariable, environment(ServiceIdVariable), "LabSandbox:ServiceId", options.ServiceId);
        RequireSame(ClusterIdVariable, environment(ClusterIdVariable), "LabSandbox:ClusterId", options.ClusterId);

        var podName = Require(environment, PodNameVariable, "metadata.name");
        var podNamespace = Require(environment, PodNamespaceVariable, "metadata.namespace");
        var address = advertisedAddressConfigured ? options.AdvertisedAddress : environment(PodIpVariable);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException(
                $"Kubernetes hosting is on but neither LabSandbox:AdvertisedAddress nor {PodIpVariable} is set: " +
                "set one from the downward API (status.podIP) so other silos and clients can reach this one.");
        }

        if (!IPAddress.TryParse(address, out var advertised))
        {
            throw new InvalidOperationException($"The advertised address '{address}' is not an IP address.");
        }

        var kubeConfig = string.IsNullOrWhiteSpace(options.Kubernetes.KubeConfigPath) ? null : options.Kubernetes.KubeConfigPath;
        if (kubeConfig is not null && !File.Exists(kubeConfig))
        {
            throw new InvalidOperationException($"LabSandbox:Kubernetes:KubeConfigPath '{kubeConfig}' does not exist.");
        }

        return new KubernetesHosting(true, kubeConfig, podName, podNamespace, advertised);
    }

    /// <summary>From the process's own configuration and environment.</summary>
    public static KubernetesHosting Resolve(IConfiguration configuration, LabSandboxOptions options) =>
        Resolve(options, !string.IsNullOrWhiteSpace(configuration[$"{LabSandboxOptions.Section}:{nameof(LabSandboxOptions.AdvertisedAddress)}"]),
            Environment.GetEnvironmentVariable,
            hasDatabase: !string.IsNullOrWhiteSpace(configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName)));

    /// <summary>The health server's port: configured, else <see cref="DefaultHealthPort"/> in Kubernetes, else none (also for 0).</summary>
    public int? HealthPort(LabSandboxOptions options)
    {
        var port = options.HealthPort ?? (Enabled ? DefaultHealthPort : 0);
        if (port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"LabSandbox:HealthPort must be between 0 and 65535, not {port}.");
        }

        return port == 0 ? null : port;
    }

    private static string Require(Func<string, string?> environment, string variable, string fieldPath) =>
        environment(variable) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException(
                $"Kubernetes hosting is on but {variable} is not set: set it from the downward API ({fieldPath}).");

    private static void RequireSame(string variable, string? fromEnvironment, string setting, string fromConfiguration)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && !string.Equals(fromEnvironment, fromConfiguration, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{variable}='{fromEnvironment}' disagrees with {setting}='{fromConfiguration}': Orleans' Kubernetes hosting " +
                $"would use the first, the grain storage and clients the second. Set both to the same value.");
        }
    }
}
