using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

/// <summary>INV-6: every GET endpoint of the API (runs, artifacts, datasets and the Lab), on existing and unknown ids, causes no grain-storage write.</summary>
public sealed class ReadEndpointsWriteNothingTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Fact]
    public async Task No_read_endpoint_writes_grain_state()
    {
        var http = fixture.Http;
        var runId = await http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2017", "pre_tournament"));
        var run = await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        await WaitUntilListedAsSucceededAsync(http, runId);
        var artifactId = run["artifacts"]!.AsArray()[0]!["artifactId"]!.GetValue<string>();
        using var generate = await http.PostAsJsonAsync("/api/v1/lab/candidates/generate", new JsonObject
        {
            ["advancementModel"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
            ["marketModel"] = "naive_ev",
            ["optimizerKey"] = "dp-v1",
            ["startingState"] = "post_first_four",
            ["excludedEntry"] = "lab_marked",
        });
        generate.EnsureSuccessStatusCode();
        var report = (await generate.Content.ReadFromJsonAsync<JsonObject>())!;
        var candidateId = report["pools"]!.AsArray()[0]!["candidateId"]!.GetValue<string>();
        var storage = fixture.Factory.Storage ?? throw new InvalidOperationException("storage was not wrapped");
        var writesBefore = storage.WritesByState;

        var paths = new Dictionary<string, string[]>
        {
            ["/health"] = ["/health"],
            ["/api/v1/tournaments/"] = ["/api/v1/tournaments"],
            ["/api/v1/tournaments/{tournamentId}"] = ["/api/v1/tournaments/ncaa-2017", "/api/v1/tournaments/ncaa-0000"],
            ["/api/v1/calcuttas/"] = ["/api/v1/calcuttas"],
            ["/api/v1/calcuttas/{calcuttaId}"] = ["/api/v1/calcuttas/calcutta-2017", "/api/v1/calcuttas/calcutta-0000"],
            ["/api/v1/runs/"] = ["/api/v1/runs", "/api/v1/runs?kind=advancement&status=succeeded&limit=1", "/api/v1/runs?deadLettered=true"],
            ["/api/v1/runs/{runId}"] = [$"/api/v1/runs/{runId}", "/api/v1/runs/run-missing-1"],
            ["/api/v1/runs/{runId}/events"] = [$"/api/v1/runs/{runId}/events", $"/api/v1/runs/{runId}/events?after=3", "/api/v1/runs/run-missing-1/events"],
            ["/api/v1/artifacts/{artifactId}"] = [$"/api/v1/artifacts/{artifactId}", "/api/v1/artifacts/art-missing"],
            ["/api/v1/artifacts/{artifactId}/content"] = [$"/api/v1/artifacts/{artifactId}/content", "/api/v1/artifacts/art-missing/content"],
            ["/api/v1/artifacts/{artifactId}/lineage"] = [$"/api/v1/artifacts/{artifactId}/lineage", "/api/v1/artifacts/art-missing/lineage"],
            ["/api/v1/lab/candidates/coverage"] = ["/api/v1/lab/candidates/coverage"],
            ["/api/v1/lab/candidates/"] = ["/api/v1/lab/candidates", "/api/v1/lab/candidates?calcuttaId=calcutta-2017&marketModel=naive_ev", "/api/v1/lab/candidates?sigma=0"],
            ["/api/v1/lab/candidates/{candidateId}"] = [$"/api/v1/lab/candidates/{candidateId}", "/api/v1/lab/candidates/cand-missing"],
            ["/api/v1/lab/candidates/{candidateId}/lineage"] = [$"/api/v1/lab/candidates/{candidateId}/lineage", "/api/v1/lab/candidates/cand-missing/lineage"],
        };

        // Every GET route the API maps must be exercised here, so a new read endpoint cannot slip past INV-6.
        var getRoutes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();
        Assert.Equal(getRoutes.Order(StringComparer.Ordinal), paths.Keys.Order(StringComparer.Ordinal));

        for (var round = 0; round < 3; round++)
        {
            foreach (var path in paths.Values.SelectMany(p => p))
            {
                (await http.GetAsync(path)).Dispose();
            }

            using var sse = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/runs/{runId}/events");
            sse.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(sse);
            Assert.Contains("RUN.SUCCEEDED", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(writesBefore, storage.WritesByState);
        Assert.True(writesBefore.Count > 0, "the counter saw the run's own writes, so it is wired to the real storage");
    }

    private static async Task WaitUntilListedAsSucceededAsync(HttpClient http, string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var list = await http.GetFromJsonAsync<JsonObject>("/api/v1/runs?status=succeeded&limit=500");
            if (list!["items"]!.AsArray().Any(i => i!["runId"]!.GetValue<string>() == runId))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"run {runId} never listed as succeeded");
    }
}
