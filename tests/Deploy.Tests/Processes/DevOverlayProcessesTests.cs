using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using k8s.Models;
using LabSandbox.Deploy.Tests.Infrastructure;
using LabSandbox.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// The dev overlay as processes: its migrate Job, two replicas of its silo Deployment and its API Deployment, each
/// started with exactly the environment the rendered manifests give the container (downward-API fields replaced by
/// loopback values, ports moved to free ones, the database Secret pointed at a fresh test database). No Kubernetes
/// runs here; this proves the manifests configure working processes, not that a cluster schedules them.
/// </summary>
public sealed class DevOverlayProcessesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<ManifestProcess> _processes = [];
    private readonly string _database = $"labsandbox_deploy_{Environment.ProcessId}_{Stopwatch.GetTimestamp() % 1_000_000}";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = _database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrate_job_two_silos_and_the_api_from_the_dev_overlay_run_simulations_from_postgresql_and_survive_a_killed_silo()
    {
        var objects = await Kustomize.RenderObjectsAsync(DeployPaths.DevOverlay);
        var clock = Stopwatch.StartNew();

        // The migrate Job, to completion.
        var job = objects.Get<V1Job>("labsandbox-migrate").Spec.Template.Spec;
        var migrate = Start("migrate", job.Containers.Single(), objects, PodFields(job, "labsandbox-migrate-test"), out _);
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, "migrate failed:\n" + migrate.Output);
        output.WriteLine($"migrate Job: exit 0 after {clock.Elapsed.TotalSeconds:0.0} s");

        // Two replicas of the silo Deployment, ready by their own readiness probe.
        var siloPod = objects.Get<V1Deployment>("labsandbox-silo").Spec.Template.Spec;
        var siloContainer = siloPod.Containers.Single();
        var silos = new List<(string Pod, ManifestProcess Process, ContainerPorts Ports)>();
        foreach (var pod in new[] { "labsandbox-silo-test-a", "labsandbox-silo-test-b" })
        {
            var process = Start(pod, siloContainer, objects, PodFields(siloPod, pod), out var ports);
            silos.Add((pod, process, ports));
        }

        foreach (var (pod, process, ports) in silos)
        {
            await WaitReadyAsync(process, ports.ProbeUrl(siloContainer.ReadinessProbe), TimeSpan.FromMinutes(3));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(ports.ProbeUrl(siloContainer.LivenessProbe))).StatusCode);
        }

        output.WriteLine($"both silos ready after {clock.Elapsed.TotalSeconds:0.0} s");
        var environment = ContainerEnvironment.Resolve(objects, siloContainer, PodFields(siloPod, "x"));
        Assert.Equal(silos.Select(s => s.Pod).Order(), await MembershipRows.ActiveSiloNamesAsync(_connectionString, environment["LabSandbox__ClusterId"]));

        // The API Deployment, ready by its readiness probe; a key made by the silo image's own `keys create`.
        var apiPod = objects.Get<V1Deployment>("labsandbox-api").Spec.Template.Spec;
        var apiContainer = apiPod.Containers.Single();
        var api = Start("labsandbox-api-test", apiContainer, objects, PodFields(apiPod, "labsandbox-api-test"), out var apiPorts);
        await WaitReadyAsync(api, apiPorts.ProbeUrl(apiContainer.ReadinessProbe), TimeSpan.FromMinutes(2));
        output.WriteLine($"API ready after {clock.Elapsed.TotalSeconds:0.0} s");
        var key = await CreateKeyAsync(siloContainer, objects, PodFields(siloPod, "labsandbox-keys-test"));
        using var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{apiPorts.HostPort(apiContainer.Ports!.Single().ContainerPort)}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // A simulation through the silos; its heavy artifacts live in PostgreSQL and the API serves them.
        var runs = new LabRuns(http);
        var metrics = await runs.AdvancementMetricsAsync();
        var first = await runs.SimulateAsync(metrics, seed: 1, TimeSpan.FromMinutes(3));
        var heavy = await HeavyArtifactsAsync(http, first);
        Assert.NotEmpty(heavy);
        output.WriteLine($"simulation {first["runId"]} succeeded after {clock.Elapsed.TotalSeconds:0.0} s; heavy artifacts: " +
                         string.Join(", ", heavy.Select(a => $"{a["kind"]} {a["storageUri"]}")));

        // SIGKILL the silo that ran it: its heavy artifacts are still served, and the next run still ends successfully.
        var siloPort = siloContainer.Ports!.Single(p => p.Name == "silo").ContainerPort;
        var claimedBy = first["claimedBy"]?.GetValue<string>() ?? "";
        var victim = silos.FindIndex(s => claimedBy.Contains($":{s.Ports.HostPort(siloPort)}:", StringComparison.Ordinal));
        Assert.True(victim >= 0, $"the run names no silo of this test as its executor: '{claimedBy}'");
        var (victimPod, victimProcess, _) = silos[victim];
        var survivor = silos[1 - victim];
        var killed = Stopwatch.StartNew();
        await victimProcess.KillAsync();
        foreach (var artifact in heavy)
        {
            await AssertServedAsync(http, artifact);
        }

        output.WriteLine($"after SIGKILL of {victimPod}, which ran it: its heavy artifacts served from PostgreSQL {killed.Elapsed.TotalSeconds:0.0} s later");

        var second = await runs.SimulateAsync(metrics, seed: 2, TimeSpan.FromMinutes(4));
        output.WriteLine($"after SIGKILL of {victimPod}: run {second["runId"]} succeeded {killed.Elapsed.TotalSeconds:0.0} s later");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(survivor.Ports.ProbeUrl(siloContainer.ReadinessProbe))).StatusCode);
    }

    private ManifestProcess Start(string name, V1Container container, RenderedManifests objects, Func<string, string> fields, out ContainerPorts ports)
    {
        var environment = new Dictionary<string, string>(ContainerEnvironment.Resolve(objects, container, fields))
        {
            ["ConnectionStrings__LabSandbox"] = _connectionString,
        };
        ports = ContainerPorts.Move(container, environment);
        var process = ManifestProcess.Start(name, container, environment);
        _processes.Add(process);
        return process;
    }

    /// <summary>The downward-API fields a pod of this spec would get, with loopback for its IP.</summary>
    private static Func<string, string> PodFields(V1PodSpec spec, string podName) => field => field switch
    {
        "metadata.name" => podName,
        "metadata.namespace" => "labsandbox",
        "status.podIP" => "127.0.0.1",
        "spec.nodeName" => "test-node",
        "spec.serviceAccountName" => spec.ServiceAccountName ?? "default",
        _ => throw new InvalidOperationException($"no stand-in for the downward-API field '{field}'"),
    };

    private async Task<string> CreateKeyAsync(V1Container silo, RenderedManifests objects, Func<string, string> fields)
    {
        var container = new V1Container { Name = "keys", Image = silo.Image, Args = ["keys", "create", "--name", "deploy-test", "--role", "analyst"], Env = silo.Env, EnvFrom = silo.EnvFrom };
        var process = Start("keys", container, objects, fields, out _);
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, "keys create failed:\n" + process.Output);
        return System.Text.RegularExpressions.Regex.Match(process.Output, "lsk_[A-Za-z0-9_-]{43}").Value;
    }

    private static async Task<List<JsonObject>> HeavyArtifactsAsync(HttpClient http, JsonObject run)
    {
        var heavy = new List<JsonObject>();
        foreach (var reference in run["artifacts"]!.AsArray())
        {
            var artifact = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{reference!["artifactId"]}"))!;
            if (artifact["storageUri"]?.GetValue<string>() is { } uri)
            {
                Assert.StartsWith("postgresql:", uri, StringComparison.Ordinal);
                heavy.Add(artifact);
            }
        }

        return heavy;
    }

    /// <summary>
    /// The artifact's bytes as the API serves them, with its SHA-256. The record is a grain: while membership has not yet
    /// declared a killed silo dead, a call that lands there is a 503, and a client tries again (as it would in a cluster).
    /// </summary>
    private static async Task AssertServedAsync(HttpClient http, JsonObject artifact)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync($"/api/v1/artifacts/{artifact["artifactId"]}/content");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(500);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(artifact["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            return;
        }
    }

    private static async Task WaitReadyAsync(ManifestProcess process, Uri probe, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"{process.Name} exited before it was ready:\n{process.Output}");
            try
            {
                if ((await GetAsync(probe)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(deadline.Elapsed < timeout, $"{process.Name} not ready at {probe} after {timeout}:\n{process.Output}");
            await Task.Delay(500);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetAsync(url);
    }
}
