using System.Diagnostics;
using System.Net;
using LabSandbox.Deploy.Tests.Infrastructure;
using LabSandbox.TestSupport;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Agent;

/// <summary>
/// Two real silo processes with Kubernetes hosting on (<c>LabSandbox:Kubernetes:Enabled</c> and a kubeconfig pointing
/// at <see cref="StubKubernetesApiServer"/>), on the test PostgreSQL: each labels its own pod with the service and
/// cluster ids, and a <c>DELETED</c> watch event for one silo's pod makes the other declare it dead in membership
/// although the process is still running — what saves a cluster the probe timeouts when Kubernetes removes a pod.
/// </summary>
public sealed class KubernetesAgentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Namespace = "labsandbox";
    private const string PodA = "labsandbox-silo-a";
    private const string PodB = "labsandbox-silo-b";

    private readonly string ids = $"k8s-agent-{Guid.NewGuid():N}"[..24];
    private readonly string folder = Directory.CreateTempSubdirectory("labsandbox-k8s-agent-").FullName;
    private readonly List<SiloProcess> silos = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private StubKubernetesApiServer? stub;

    private StubKubernetesApiServer Stub => stub ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => stub = await StubKubernetesApiServer.StartAsync(Namespace);

    [Fact]
    public async Task Silos_label_their_pods_and_a_deleted_pod_makes_its_silo_dead_in_membership()
    {
        var connectionString = TestPostgres.ConnectionString;
        var kubeConfig = StubKubeConfig.Write(folder, Stub);
        Stub.AddPod(PodA, "127.0.0.1");
        Stub.AddPod(PodB, "127.0.0.1");

        // One after the other: B's agent then finds A's pod labelled and A in membership, as in a rolling start.
        var a = await StartActiveSiloAsync(PodA, connectionString, kubeConfig);
        await StartActiveSiloAsync(PodB, connectionString, kubeConfig);

        // The 10.4.2 agent labels its pod at lifecycle stage 8100, before the silo turns Active; waited for anyway so a
        // later Orleans that labels in the background does not turn this into a race.
        foreach (var pod in new[] { PodA, PodB })
        {
            var labels = await Eventually.WaitAsync(
                () => Task.FromResult(Stub.LabelsOf(pod)), l => l.ContainsKey("orleans/serviceId"),
                $"{pod} labelled (requests: {string.Join("; ", Stub.Requests)})", TimeSpan.FromSeconds(20));
            Assert.Equal(ids, labels.GetValueOrDefault("orleans/serviceId"));
            Assert.Equal(ids, labels.GetValueOrDefault("orleans/clusterId"));
            Assert.Contains($"PATCH /api/v1/namespaces/{Namespace}/pods/{pod}", Stub.Requests);
        }

        // Both agents watch once they see themselves among the active silos; the event must reach A's watch.
        await Eventually.WaitAsync(() => Task.FromResult(Stub.OpenWatches), n => n >= 2, "both silos watching pods", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(MembershipRows.Active, await MembershipRows.StatusAsync(connectionString, ids, PodB));

        var clock = Stopwatch.StartNew();
        await Stub.DeletePodAsync(PodB);
        try
        {
            await Eventually.WaitAsync(
                () => MembershipRows.StatusAsync(connectionString, ids, PodB), s => s == MembershipRows.Dead,
                $"silo {PodB} dead in membership after its pod's DELETED event", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nrequests: {string.Join("; ", Stub.Requests)}\nA:\n{a.Output}", timeout);
        }

        clock.Stop();
        output.WriteLine($"FIGURE kubernetes-agent: DELETED watch event -> silo dead in membership in {clock.Elapsed.TotalSeconds:0.00} s (table polled every 0.1 s)");

        Assert.Equal(MembershipRows.Active, await MembershipRows.StatusAsync(connectionString, ids, PodA));
        Assert.Contains("Declaring server", a.Output, StringComparison.Ordinal);
        Assert.Contains(PodB, a.Output, StringComparison.Ordinal);
        Assert.False(a.HasExited, "silo A stopped:\n" + a.Output);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        if (stub is not null)
        {
            await stub.DisposeAsync();
        }

        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A silo in "pod" <paramref name="pod"/>, ready on its health port (Active in membership, PostgreSQL answering).</summary>
    private async Task<SiloProcess> StartActiveSiloAsync(string pod, string connectionString, string kubeConfig)
    {
        var healthPort = FreePorts.Next();
        var silo = SiloProcess.Start(connectionString, ids, Path.Combine(folder, "artifacts"), new Dictionary<string, string>
        {
            ["LabSandbox__Kubernetes__Enabled"] = "true",
            ["LabSandbox__Kubernetes__KubeConfigPath"] = kubeConfig,
            ["LabSandbox__HealthPort"] = healthPort.ToString(),
            ["LabSandbox__ImportRealData"] = "false",
            ["POD_NAME"] = pod,
            ["POD_NAMESPACE"] = Namespace,
            // Loopback: the silo then listens on 127.0.0.1 only (any address would be the rule for a real pod IP).
            ["POD_IP"] = "127.0.0.1",
            ["ORLEANS_SERVICE_ID"] = ids,
            ["ORLEANS_CLUSTER_ID"] = ids,
            // The agent's decisions are logged at Information; the rest of the silo stays at Warning.
            ["Logging__LogLevel__Orleans.Hosting.Kubernetes"] = "Information",
        });
        silos.Add(silo);
        var ready = new Uri($"http://127.0.0.1:{healthPort}/health/ready");
        await Eventually.WaitAsync(
            async () => silo.HasExited ? HttpStatusCode.Gone : await StatusAsync(ready),
            s => s is HttpStatusCode.OK or HttpStatusCode.Gone,
            $"{pod} ready", TimeSpan.FromSeconds(60));
        Assert.False(silo.HasExited, $"{pod} exited:\n{silo.Output}");
        return silo;
    }

    private async Task<HttpStatusCode> StatusAsync(Uri uri)
    {
        try
        {
            using var response = await http.GetAsync(uri);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.ServiceUnavailable; // not listening yet
        }
    }
}
