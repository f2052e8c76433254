using System.Net;
using LabSandbox.Silo.Hosting;
using Xunit;

namespace LabSandbox.Api.Tests.Health;

/// <summary>When a silo turns Kubernetes hosting on, and what it refuses to start with (<see cref="KubernetesHosting"/>).</summary>
public sealed class KubernetesHostingRulesTests
{
    private static readonly Dictionary<string, string> Pod = new()
    {
        ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
        ["POD_NAME"] = "labsandbox-silo-0",
        ["POD_NAMESPACE"] = "labsandbox",
        ["POD_IP"] = "10.244.1.7",
        ["ORLEANS_SERVICE_ID"] = "labsandbox",
        ["ORLEANS_CLUSTER_ID"] = "labsandbox",
    };

    [Fact]
    public void Off_outside_a_pod_and_then_no_health_server_unless_a_port_is_set()
    {
        var hosting = Resolve(new LabSandboxOptions(), new Dictionary<string, string>());
        Assert.False(hosting.Enabled);
        Assert.Null(hosting.HealthPort(new LabSandboxOptions()));
        Assert.Equal(9090, hosting.HealthPort(new LabSandboxOptions { HealthPort = 9090 }));
    }

    [Fact]
    public void On_in_a_pod_with_the_pod_ip_advertised_any_address_listened_on_and_health_on_8081()
    {
        var hosting = Resolve(new LabSandboxOptions(), Pod);
        Assert.True(hosting.Enabled);
        Assert.Equal(IPAddress.Parse("10.244.1.7"), hosting.AdvertisedAddress);
        Assert.True(hosting.ListenOnAnyAddress);
        Assert.Equal("labsandbox-silo-0", hosting.PodName);
        Assert.Equal("labsandbox", hosting.PodNamespace);
        Assert.Null(hosting.KubeConfigPath);
        Assert.Equal(8081, hosting.HealthPort(new LabSandboxOptions()));
        Assert.Null(hosting.HealthPort(new LabSandboxOptions { HealthPort = 0 }));
    }

    [Fact]
    public void Configuration_wins_over_the_environment_both_ways()
    {
        Assert.False(Resolve(new LabSandboxOptions { Kubernetes = { Enabled = false } }, Pod).Enabled);

        var outOfCluster = Pod.Where(p => p.Key != "KUBERNETES_SERVICE_HOST").ToDictionary();
        Assert.False(Resolve(new LabSandboxOptions(), outOfCluster).Enabled);
        Assert.True(Resolve(new LabSandboxOptions { Kubernetes = { Enabled = true } }, outOfCluster).Enabled);
    }

    [Fact]
    public void A_pod_without_a_database_runs_the_embedded_default_and_enabling_it_there_is_refused()
    {
        Assert.False(KubernetesHosting.Resolve(new LabSandboxOptions(), false, Env(Pod), hasDatabase: false).Enabled);
        var error = Assert.Throws<InvalidOperationException>(() =>
            KubernetesHosting.Resolve(new LabSandboxOptions { Kubernetes = { Enabled = true } }, false, Env(Pod), hasDatabase: false));
        Assert.Contains("ConnectionStrings:LabSandbox", error.Message);
    }

    [Fact]
    public void A_configured_advertised_address_wins_over_pod_ip_and_loopback_means_listening_on_loopback_only()
    {
        var hosting = KubernetesHosting.Resolve(new LabSandboxOptions { AdvertisedAddress = "127.0.0.1" }, advertisedAddressConfigured: true, Env(Pod));
        Assert.Equal(IPAddress.Loopback, hosting.AdvertisedAddress);
        Assert.False(hosting.ListenOnAnyAddress);
    }

    [Fact]
    public void A_kubeconfig_path_is_used_when_it_exists_and_refused_when_it_does_not()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(file, Resolve(new LabSandboxOptions { Kubernetes = { KubeConfigPath = file } }, Pod).KubeConfigPath);
        }
        finally
        {
            File.Delete(file);
        }

        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new LabSandboxOptions { Kubernetes = { KubeConfigPath = file } }, Pod));
        Assert.Contains("KubeConfigPath", error.Message);
    }

    [Theory]
    [InlineData("ORLEANS_SERVICE_ID", "LabSandbox:ServiceId")]
    [InlineData("ORLEANS_CLUSTER_ID", "LabSandbox:ClusterId")]
    public void Ids_that_disagree_with_the_orleans_variables_refuse_to_start(string variable, string setting)
    {
        var env = new Dictionary<string, string>(Pod) { [variable] = "other" };
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new LabSandboxOptions(), env));
        Assert.Contains(variable, error.Message);
        Assert.Contains(setting, error.Message);
    }

    [Theory]
    [InlineData("POD_NAME")]
    [InlineData("POD_NAMESPACE")]
    [InlineData("POD_IP")]
    public void A_missing_downward_api_variable_refuses_to_start(string variable)
    {
        var env = Pod.Where(p => p.Key != variable).ToDictionary();
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new LabSandboxOptions(), env));
        Assert.Contains(variable, error.Message);
    }

    [Fact]
    public void A_health_port_out_of_range_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => KubernetesHosting.Disabled.HealthPort(new LabSandboxOptions { HealthPort = 70000 }));
    }

    private static KubernetesHosting Resolve(LabSandboxOptions options, IReadOnlyDictionary<string, string> environment) =>
        KubernetesHosting.Resolve(options, advertisedAddressConfigured: false, Env(environment));

    private static Func<string, string?> Env(IReadOnlyDictionary<string, string> environment) => name => environment.GetValueOrDefault(name);
}
