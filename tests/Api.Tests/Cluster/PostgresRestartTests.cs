using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using LabSandbox.TestSupport;

namespace LabSandbox.Api.Tests.Cluster;

/// <summary>The embedded silo on PostgreSQL: what a run wrote is still there, identical, after the host restarts.</summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task A_run_survives_a_restart_of_the_embedded_silo_on_postgres()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString };
        string runId, runJson, eventsJson, metricsJson;
        string serviceId;
        await using (var first = new LabApiFactory(settings))
        {
            serviceId = first.ServiceId;
            var http = first.CreateClient();
            runId = await http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2025", "post_first_four"));
            var run = await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(20));
            Assert.Equal("succeeded", run["status"]!.GetValue<string>());
            runJson = await http.GetStringAsync($"/api/v1/runs/{runId}");
            eventsJson = await http.GetStringAsync($"/api/v1/runs/{runId}/events");
            metricsJson = (await http.GetMetricsAsync(run)).ToJsonString();
        }

        await using var second = new LabApiFactory(settings, serviceId);
        var again = second.CreateClient();
        Assert.Equal(runJson, await again.GetStringAsync($"/api/v1/runs/{runId}"));
        Assert.Equal(eventsJson, await again.GetStringAsync($"/api/v1/runs/{runId}/events"));
        var run2 = await again.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
        Assert.Equal(metricsJson, (await again.GetMetricsAsync(run2!)).ToJsonString());
        var list = await again.GetFromJsonAsync<JsonObject>("/api/v1/runs");
        Assert.Contains(list!["items"]!.AsArray(), i => i!["runId"]!.GetValue<string>() == runId);
    }
}
