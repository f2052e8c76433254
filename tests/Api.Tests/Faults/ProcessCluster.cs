using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// A real cluster for fault tests: silo processes on the test PostgreSQL with a short run lease and backoff,
/// and the API as an Orleans client of them. Each cluster has its own service id, so runs never mix.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, string> SiloSettings = new Dictionary<string, string>
    {
        ["LabSandbox__Runs__Lease"] = "00:00:04",
        ["LabSandbox__Runs__RetryBaseDelay"] = "00:00:00.200",
        ["LabSandbox__Runs__RetryMaxDelay"] = "00:00:02",
    };

    private readonly List<SiloProcess> _silos = [];
    private LabApiFactory? _api;

    private ProcessCluster(string serviceId)
    {
        ServiceId = serviceId;
        ArtifactRoot = Path.Combine(Path.GetTempPath(), "labsandbox-tests", serviceId);
    }

    public string ServiceId { get; }

    public string ArtifactRoot { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public HttpClient Http { get; private set; } = null!;

    public IClusterClient Client => _api!.Services.GetRequiredService<IClusterClient>();

    public static async Task<ProcessCluster> StartAsync(string purpose, int silos)
    {
        var cluster = new ProcessCluster($"fault-{purpose}-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        for (var i = 0; i < silos; i++)
        {
            cluster.StartSilo();
        }

        cluster._api = new LabApiFactory(new Dictionary<string, string?>
        {
            ["LabSandbox:Mode"] = "client",

            // Client mode requires keys by default; the test server is reachable from nowhere, so local mode, said explicitly.
            ["LabSandbox:Auth:Mode"] = "loopback-open",
            ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString,
            ["LabSandbox:ArtifactRoot"] = cluster.ArtifactRoot,
            ["LabSandbox:ClientConnectAttempts"] = "60",
        }, cluster.ServiceId);
        cluster.Http = cluster._api.CreateClient();
        cluster.Http.Timeout = TimeSpan.FromMinutes(2);
        await cluster.WaitForActiveSilosAsync(silos);
        await cluster.WaitForImportAsync();
        return cluster;
    }

    public SiloProcess StartSilo()
    {
        var silo = SiloProcess.Start(TestPostgres.ConnectionString, ServiceId, ArtifactRoot, SiloSettings);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The silo process whose silo address is in <paramref name="claimedBy"/> (a run's executor).</summary>
    public SiloProcess SiloOf(string claimedBy) =>
        _silos.Single(s => !s.HasExited && claimedBy.Contains($":{s.SiloPort}:", StringComparison.Ordinal));

    public async Task WaitForActiveSilosAsync(int count)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var hosts = await management.GetHosts(onlyActive: true);
            if (hosts.Count == count)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"{hosts.Count} of {count} silos active.\n" + string.Join("\n---\n", _silos.Select(s => s.Output)));
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Polls a run until it is terminal, tolerating the errors a client sees while the cluster recovers.</summary>
    public async Task<JsonObject> WaitForTerminalAsync(string runId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await Http.GetAsync($"/api/v1/runs/{runId}");
                if (response.IsSuccessStatusCode)
                {
                    var run = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                    if (run["status"]!.GetValue<string>() is "succeeded" or "failed" or "cancelled")
                    {
                        return run;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                last = ex;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"run {runId} not terminal after {timeout} (last error: {last?.Message})\n" + string.Join("\n---\n", _silos.Select(s => s.Output[^Math.Min(4000, s.Output.Length)..])));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        if (Directory.Exists(ArtifactRoot))
        {
            Directory.Delete(ArtifactRoot, recursive: true);
        }
    }

    private async Task WaitForImportAsync()
    {
        var clock = Stopwatch.StartNew();
        while ((await Http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments"))!["items"]!.AsArray().Count < 9)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException("the silos never finished importing the bundled data");
            }

            await Task.Delay(100);
        }
    }
}
