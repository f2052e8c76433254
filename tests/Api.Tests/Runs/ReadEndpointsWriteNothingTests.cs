using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Experiments;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

/// <summary>
/// INV-6: every GET endpoint of the API (runs, artifacts, datasets, the Lab, the Sandbox and experiments), on existing and unknown
/// ids, causes no grain-storage write.
/// </summary>
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
        var report = await http.GenerateAsync(LabCandidatesApi.Config("naive_ev"));
        var candidateId = report["pools"]!.AsArray()[0]!["candidateId"]!.GetValue<string>();

        // The Sandbox: a synthetic copy with a candidate attached (two versions or more), and a cohort simulated once.
        const string syntheticId = "syn-read-2017";
        const string cohortId = "cohort-read";
        var firstVersion = await http.CreateFromCalcuttaAsync(syntheticId, "calcutta-2017"); // creating it again below is a no-op
        var synthetic = await http.CreateEvaluationCopyAsync(syntheticId, "calcutta-2017", LabCandidatesApi.PoolsById(report)["calcutta-2017"].Text("candidateId"));
        await http.OkAsync(HttpMethod.Post, SandboxApi.Cohorts, new JsonObject
        {
            ["cohortId"] = cohortId,
            ["name"] = "Read endpoints",
            ["members"] = new JsonArray(syntheticId),
            ["settings"] = new JsonObject { ["nSims"] = 2_000, ["seed"] = 3, ["startingState"] = "post_first_four", ["excludedEntryPolicy"] = "member" },
        });
        var started = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var simulation = await http.ReportOfAsync(started.RunId, TimeSpan.FromSeconds(60));
        var simulationId = simulation.Text("simulationId");
        foreach (var memberRun in simulation["runs"].Objects())
        {
            Assert.Equal("succeeded", (await http.WaitForTerminalAsync(memberRun.Text("runId"), TimeSpan.FromSeconds(30))).Text("status"));
        }

        // An experiment on the 2017 pool, from the Lab's candidate, run to its end (small, so it takes seconds).
        const string experimentId = "exp-read";
        var labCandidate = await http.GetOkAsync($"/api/v1/lab/candidates/{candidateId}");
        await http.RunExperimentToSuccessAsync(new JsonObject
        {
            ["experimentId"] = experimentId,
            ["calcuttaId"] = labCandidate.Text("calcuttaId"),
            ["advancementArtifactId"] = labCandidate.Text("advancementArtifactId"),
            ["marketShareArtifactId"] = labCandidate.Text("marketShareArtifactId"),
            ["startingState"] = labCandidate.Text("startingState"),
            ["excludedEntryKey"] = labCandidate.Text("excludedEntryKey"),
            ["initialCandidateId"] = candidateId,
            ["masterSeed"] = 17,
            ["candidatesPerIteration"] = 2,
            ["screeningSims"] = 200,
            ["evaluationSims"] = 200,
            ["evaluationSamples"] = 1,
            ["finalSims"] = 1000,
            ["maxIterations"] = 1,
            ["patience"] = 1,
        });

        await WaitUntilEveryRunListedAsSucceededAsync(http);
        Assert.True((await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations/{simulationId}/results"))["complete"]!.GetValue<bool>());
        var storage = fixture.Factory.Storage ?? throw new InvalidOperationException("storage was not wrapped");
        var writesBefore = storage.WritesByState;

        var paths = new Dictionary<string, string[]>
        {
            ["/health"] = ["/health"],
            ["/health/live"] = ["/health/live"],
            ["/health/ready"] = ["/health/ready"],

            // The API's documentation: the OpenAPI document and the reference page with its bundled assets.
            ["/openapi/{documentName}.json"] = ["/openapi/v1.json", "/openapi/v0.json"],
            ["/api/docs/{documentName?}"] = ["/api/docs", "/api/docs/v1"],
            ["/api/docs/scalar.js"] = ["/api/docs/scalar.js"],
            ["/api/docs/scalar.aspnetcore.js"] = ["/api/docs/scalar.aspnetcore.js"],
            ["/api/docs/favicon.svg"] = ["/api/docs/favicon.svg"],
            ["/api/v1/tournaments/"] = ["/api/v1/tournaments"],
            ["/api/v1/tournaments/{tournamentId}"] = ["/api/v1/tournaments/ncaa-2017", "/api/v1/tournaments/ncaa-0000"],
            ["/api/v1/calcuttas/"] = ["/api/v1/calcuttas"],
            ["/api/v1/calcuttas/{calcuttaId}"] = ["/api/v1/calcuttas/calcutta-2017", "/api/v1/calcuttas/calcutta-0000"],
            ["/api/v1/runs/"] = ["/api/v1/runs", "/api/v1/runs?kind=advancement&status=succeeded&limit=1", "/api/v1/runs?deadLettered=true"],
            ["/api/v1/runs/{runId}"] = [$"/api/v1/runs/{runId}", "/api/v1/runs/run-missing-1"],
            ["/api/v1/runs/{runId}/events"] = [$"/api/v1/runs/{runId}/events", $"/api/v1/runs/{runId}/events?after=3", "/api/v1/runs/run-missing-1/events"],
            ["/api/v1/artifacts/{artifactId}"] = [$"/api/v1/artifacts/{artifactId}", "/api/v1/artifacts/art-missing"],
            ["/api/v1/artifacts/{artifactId}/content"] =
            [
                $"/api/v1/artifacts/{artifactId}/content", $"/api/v1/artifacts/{artifactId}/content?format=csv",
                $"/api/v1/artifacts/{artifactId}/content?format=parquet", $"/api/v1/artifacts/{artifactId}/content?format=xml",
                "/api/v1/artifacts/art-missing/content",
            ],
            ["/api/v1/artifacts/{artifactId}/uses"] = [$"/api/v1/artifacts/{artifactId}/uses", "/api/v1/artifacts/art-missing/uses"],
            ["/api/v1/artifacts/{artifactId}/lineage"] = [$"/api/v1/artifacts/{artifactId}/lineage", "/api/v1/artifacts/art-missing/lineage"],
            ["/api/v1/lab/candidates/coverage"] = ["/api/v1/lab/candidates/coverage"],
            ["/api/v1/lab/candidates/"] = ["/api/v1/lab/candidates", "/api/v1/lab/candidates?calcuttaId=calcutta-2017&marketModel=naive_ev", "/api/v1/lab/candidates?sigma=0"],
            ["/api/v1/lab/candidates/{candidateId}"] = [$"/api/v1/lab/candidates/{candidateId}", "/api/v1/lab/candidates/cand-missing"],
            ["/api/v1/lab/candidates/{candidateId}/lineage"] = [$"/api/v1/lab/candidates/{candidateId}/lineage", "/api/v1/lab/candidates/cand-missing/lineage"],

            // The audit trail (the writes above made rows to read), with its filter and paging, and one refused query.
            ["/api/v1/audit/"] = ["/api/v1/audit", "/api/v1/audit?after=1&limit=2", "/api/v1/audit?actor=local", "/api/v1/audit?limit=0"],

            // The backtest report is embedded in the build: no grain is read, let alone written.
            ["/api/v1/backtest/"] = ["/api/v1/backtest"],
        };

        // The Sandbox's reads, each with the status it must answer (so the existing ids really are read).
        const string syntheticCalcuttas = SandboxApi.SyntheticCalcuttas, cohorts = SandboxApi.Cohorts;
        var sandbox = new Dictionary<string, (string Path, HttpStatusCode Status)[]>
        {
            [$"{syntheticCalcuttas}/"] = [(syntheticCalcuttas, HttpStatusCode.OK)],
            [$"{syntheticCalcuttas}/{{syntheticCalcuttaId}}"] =
                [($"{syntheticCalcuttas}/{syntheticId}", HttpStatusCode.OK), ($"{syntheticCalcuttas}/syn-missing", HttpStatusCode.NotFound)],
            [$"{syntheticCalcuttas}/{{syntheticCalcuttaId}}/versions/{{digest}}"] =
            [
                ($"{syntheticCalcuttas}/{syntheticId}/versions/{synthetic.Digest()}", HttpStatusCode.OK),
                ($"{syntheticCalcuttas}/{syntheticId}/versions/{firstVersion.Digest()}", HttpStatusCode.OK),
                ($"{syntheticCalcuttas}/{syntheticId}/versions/sha256:0000", HttpStatusCode.NotFound),
                ($"{syntheticCalcuttas}/syn-missing/versions/{synthetic.Digest()}", HttpStatusCode.NotFound),
            ],
            [$"{cohorts}/"] = [(cohorts, HttpStatusCode.OK)],
            [$"{cohorts}/{{cohortId}}"] = [($"{cohorts}/{cohortId}", HttpStatusCode.OK), ($"{cohorts}/cohort-missing", HttpStatusCode.NotFound)],
            [$"{cohorts}/{{cohortId}}/results"] = [($"{cohorts}/{cohortId}/results", HttpStatusCode.OK), ($"{cohorts}/cohort-missing/results", HttpStatusCode.NotFound)],
            [$"{cohorts}/{{cohortId}}/simulations/{{simulationId}}/results"] =
            [
                ($"{cohorts}/{cohortId}/simulations/{simulationId}/results", HttpStatusCode.OK),
                ($"{cohorts}/{cohortId}/simulations/csim-missing/results", HttpStatusCode.NotFound),
                ($"{cohorts}/cohort-missing/simulations/{simulationId}/results", HttpStatusCode.NotFound),
            ],
        };
        // Experiments' reads, likewise.
        const string experiments = ExperimentApi.Experiments;
        sandbox[$"{experiments}/"] =
            [(experiments, HttpStatusCode.OK), ($"{experiments}?limit=1&after={experimentId}", HttpStatusCode.OK), ($"{experiments}?limit=0", HttpStatusCode.BadRequest)];
        sandbox[$"{experiments}/{{experimentId}}"] = [($"{experiments}/{experimentId}", HttpStatusCode.OK), ($"{experiments}/exp-missing", HttpStatusCode.NotFound)];
        sandbox[$"{experiments}/{{experimentId}}/iterations"] =
        [
            ($"{experiments}/{experimentId}/iterations", HttpStatusCode.OK), ($"{experiments}/{experimentId}/iterations?from=1&limit=1", HttpStatusCode.OK),
            ($"{experiments}/exp-missing/iterations", HttpStatusCode.NotFound),
        ];
        sandbox[$"{experiments}/{{experimentId}}/events"] =
        [
            ($"{experiments}/{experimentId}/events", HttpStatusCode.OK), ($"{experiments}/{experimentId}/events?after=2&limit=2", HttpStatusCode.OK),
            ($"{experiments}/exp-missing/events", HttpStatusCode.NotFound),
        ];
        sandbox[$"{experiments}/{{experimentId}}/runs"] = [($"{experiments}/{experimentId}/runs", HttpStatusCode.OK), ($"{experiments}/exp-missing/runs", HttpStatusCode.NotFound)];
        foreach (var (route, reads) in sandbox)
        {
            paths[route] = reads.Select(r => r.Path).ToArray();
        }

        // Every GET route the API maps must be exercised here, so a new read endpoint cannot slip past INV-6.
        // (The web UI's pages, static assets and circuit hub are the UI's routes, not the API's.)
        var getRoutes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/openapi/", StringComparison.Ordinal) || route == "/health" || route.StartsWith("/health/", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(getRoutes.Order(StringComparer.Ordinal), paths.Keys.Order(StringComparer.Ordinal));

        for (var round = 0; round < 3; round++)
        {
            foreach (var path in paths.Values.SelectMany(p => p))
            {
                (await http.GetAsync(path)).Dispose();
            }

            foreach (var (path, status) in sandbox.Values.SelectMany(r => r))
            {
                using var read = await http.GetAsync(path);
                Assert.True(read.StatusCode == status, $"GET {path}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
            }

            using var sse = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/runs/{runId}/events");
            sse.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(sse);
            Assert.Contains("RUN.SUCCEEDED", await response.Content.ReadAsStringAsync());
            Assert.Equal("EXPERIMENT.END", (await http.FollowEventsAsync(experimentId, TimeSpan.FromSeconds(30)))[^1].Name);
        }

        Assert.Equal(writesBefore, storage.WritesByState);
        Assert.True(writesBefore.Count > 0, "the counter saw the run's own writes, so it is wired to the real storage");
    }

    /// <summary>Runs update their list entry after they end: wait until the list shows every run succeeded, so no write is still due.</summary>
    private static async Task WaitUntilEveryRunListedAsSucceededAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var list = await http.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500");
            if (list!["items"]!.AsArray().All(i => i!["status"]!.GetValue<string>() == "succeeded") && list["nextCursor"] is null)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("some run never listed as succeeded");
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
