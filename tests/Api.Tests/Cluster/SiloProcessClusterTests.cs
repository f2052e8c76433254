using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using LabSandbox.TestSupport;

namespace LabSandbox.Api.Tests.Cluster;

/// <summary>
/// The production shape: separate `src/Silo` processes on PostgreSQL and the API as a client of them.
/// </summary>
public sealed class SiloProcessClusterTests
{
    [Fact]
    public async Task A_run_is_still_there_identical_after_every_silo_process_restarts()
    {
        var cs = TestPostgres.ConnectionString;
        var serviceId = $"proc-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}";
        var artifacts = Path.Combine(Path.GetTempPath(), "labsandbox-tests", serviceId);
        var client = ClientSettings(cs, serviceId, artifacts);

        string runId, runJson, eventsJson, metricsJson;
        var first = new[] { SiloProcess.Start(cs, serviceId, artifacts), SiloProcess.Start(cs, serviceId, artifacts) };
        try
        {
            await using var api = new LabApiFactory(client, serviceId);
            var http = api.CreateClient();
            await WaitForActiveSilosAsync(api, 2, first);
            await WaitForImportAsync(http);

            runId = await http.CreateRunAsync(RunApi.Duke2025Request);
            var run = await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(30));
            Assert.True(run["status"]!.GetValue<string>() == "succeeded", run.ToJsonString() + first[0].Output + first[1].Output);
            var claimedBy = run["claimedBy"]!.GetValue<string>();
            Assert.Contains(first, s => claimedBy.Contains($":{s.SiloPort}:", StringComparison.Ordinal));
            runJson = await http.GetStringAsync($"/api/v1/runs/{runId}");
            eventsJson = await http.GetStringAsync($"/api/v1/runs/{runId}/events");
            metricsJson = (await http.GetMetricsAsync(run)).ToJsonString();

            foreach (var silo in first)
            {
                await silo.StopAsync();
            }
        }
        finally
        {
            foreach (var silo in first)
            {
                await silo.DisposeAsync();
            }
        }

        var second = new[] { SiloProcess.Start(cs, serviceId, artifacts), SiloProcess.Start(cs, serviceId, artifacts) };
        try
        {
            await using var api = new LabApiFactory(client, serviceId);
            var http = api.CreateClient();
            await WaitForActiveSilosAsync(api, 2, second);

            Assert.Equal(runJson, await http.GetStringAsync($"/api/v1/runs/{runId}"));
            Assert.Equal(eventsJson, await http.GetStringAsync($"/api/v1/runs/{runId}/events"));
            var run = await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
            Assert.Equal(metricsJson, (await http.GetMetricsAsync(run!)).ToJsonString());
        }
        finally
        {
            foreach (var silo in second)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_client_with_no_reachable_silo_gives_up_after_its_bounded_retries()
    {
        var serviceId = $"nosilo-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}";
        var settings = ClientSettings(TestPostgres.ConnectionString, serviceId, Path.GetTempPath());
        settings["LabSandbox:ClientConnectAttempts"] = "2";
        var clock = Stopwatch.StartNew();

        await using var api = new LabApiFactory(settings, serviceId);
        var error = Record.Exception(() => api.CreateClient());

        Assert.NotNull(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"gave up only after {clock.Elapsed}");
    }

    private static Dictionary<string, string?> ClientSettings(string cs, string serviceId, string artifacts) => new()
    {
        ["LabSandbox:Mode"] = "client",

        // Client mode requires keys by default; the test server is reachable from nowhere, so local mode, said explicitly.
        ["LabSandbox:Auth:Mode"] = "loopback-open",
        ["ConnectionStrings:LabSandbox"] = cs,
        ["LabSandbox:ArtifactRoot"] = artifacts,
        ["LabSandbox:ClientConnectAttempts"] = "60",
    };

    private static async Task WaitForActiveSilosAsync(LabApiFactory api, int count, SiloProcess[] silos)
    {
        var management = api.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var hosts = await management.GetHosts(onlyActive: true);
            if (hosts.Count == count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline || silos.Any(s => s.HasExited))
            {
                throw new TimeoutException($"{hosts.Count} of {count} silos active.\n" + string.Join("\n---\n", silos.Select(s => s.Output)));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Silos are active before their startup import finishes: wait until every bundled tournament is served.</summary>
    private static async Task WaitForImportAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments"))!["items"]!.AsArray().Count < 9)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the silos never finished importing the bundled data");
            }

            await Task.Delay(100);
        }
    }
}
