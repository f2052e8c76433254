using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

public sealed class AdvancementRunApiTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_issue_request_succeeds_within_two_seconds_with_the_golden_Duke_values()
    {
        var clock = Stopwatch.StartNew();
        var runId = await _http.CreateRunAsync(RunApi.Duke2025Request);
        var run = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        clock.Stop();

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(1, run["attempt"]!.GetValue<int>());
        Assert.Equal("advancement-exact-v1", run["engineVersion"]!.GetValue<string>());
        var datasetRef = run["datasetRefs"]!.AsArray().Single()!;
        Assert.Equal("tournament", datasetRef["kind"]!.GetValue<string>());
        Assert.Equal("ncaa-2025", datasetRef["id"]!.GetValue<string>());
        Assert.StartsWith("sha256:", datasetRef["digest"]!.GetValue<string>());
        Assert.Equal(64, run["paramsHash"]!.GetValue<string>().Length);

        var metrics = await _http.GetMetricsAsync(run);
        var duke = RunApi.Team(metrics, "duke");
        var (goldenRounds, goldenPoints) = RunApi.Golden(2025, "duke");
        Assert.Equal(0.229992, duke["pChampion"]!.GetValue<double>(), 6);
        Assert.Equal(498.8656, duke["expectedPoints"]!.GetValue<double>(), 4);
        Assert.InRange(Math.Abs(duke["pChampion"]!.GetValue<double>() - goldenRounds[6]), 0, 1e-9);
        Assert.InRange(Math.Abs(duke["expectedPoints"]!.GetValue<double>() - goldenPoints), 0, 1e-9);
        Assert.Equal(68, metrics["teams"]!.AsArray().Count);
        Assert.InRange(metrics["sumPChampion"]!.GetValue<double>(), 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(metrics["sumExpectedPoints"]!.GetValue<double>(), 6000 - 1e-7, 6000 + 1e-7);
    }

    [Fact]
    public async Task Through_round_7_gives_certainties_that_match_the_real_results()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2023", "through_round:7"));
        var run = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        var metrics = await _http.GetMetricsAsync(run);
        var tournament = await _http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments/ncaa-2023");
        var progress = tournament!["teams"]!.AsArray().ToDictionary(t => t!["teamId"]!.GetValue<string>(), t => t!["progress"]!.GetValue<int>());

        foreach (var team in metrics["teams"]!.AsArray())
        {
            var rounds = team!["pRound"]!.AsArray().Select(p => p!.GetValue<double>()).ToArray();
            var real = progress[team["teamId"]!.GetValue<string>()];
            for (var r = 1; r <= 7; r++)
            {
                Assert.Equal(real >= r ? 1.0 : 0.0, rounds[r - 1]);
            }
        }
    }

    [Fact]
    public async Task Cancelling_a_succeeded_run_is_409_and_changes_nothing()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2024", "post_first_four"));
        await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        var before = await _http.GetStringAsync($"/api/v1/runs/{runId}");
        var eventsBefore = await _http.GetStringAsync($"/api/v1/runs/{runId}/events");

        var cancel = await _http.PostAsync($"/api/v1/runs/{runId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal("application/problem+json", cancel.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", (await cancel.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(before, await _http.GetStringAsync($"/api/v1/runs/{runId}"));
        Assert.Equal(eventsBefore, await _http.GetStringAsync($"/api/v1/runs/{runId}/events"));
    }

    [Fact]
    public async Task Events_are_readable_by_id_as_json_and_as_an_event_stream()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2019", "pre_tournament"));
        await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));

        var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events");
        var names = page!["events"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal("RUN.QUEUED", names[0]);
        Assert.Equal("RUN.STARTED", names[1]);
        Assert.Contains("RUN.PROGRESS", names);
        Assert.Equal("RUN.SUCCEEDED", names[^1]);
        var sequences = page["events"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        var after = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events?after=2");
        Assert.Equal(names.Skip(2), after!["events"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/runs/{runId}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var stream = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        var text = await stream.Content.ReadAsStringAsync(); // the stream ends once the run is terminal
        var streamed = text.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l["event: ".Length..]).ToList();
        Assert.Equal(names, streamed);
    }

    [Fact]
    public async Task Artifacts_carry_content_hashes_and_lineage_to_the_pinned_tournament()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2018", "pre_tournament"));
        var run = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        var tournamentDigest = run["datasetRefs"]!.AsArray().Single()!["digest"]!.GetValue<string>();

        foreach (var artifactRef in run["artifacts"]!.AsArray())
        {
            var id = artifactRef!["artifactId"]!.GetValue<string>();
            var artifact = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{id}");
            Assert.Equal(runId, artifact!["runId"]!.GetValue<string>());
            var bytes = await _http.GetByteArrayAsync($"/api/v1/artifacts/{id}/content");
            Assert.Equal(artifact["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            Assert.Equal(artifact["sizeBytes"]!.GetValue<long>(), bytes.LongLength);

            var lineage = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{id}/lineage");
            var node = lineage!["nodes"]!.AsArray().Single()!;
            Assert.Equal(runId, node["runId"]!.GetValue<string>());
            Assert.Equal("advancement", node["runKind"]!.GetValue<string>());
            Assert.Equal(tournamentDigest, node["datasetRefs"]!.AsArray().Single()!["digest"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_same_request_twice_gives_two_runs_with_byte_identical_metrics()
    {
        var request = RunApi.AdvancementRequest("ncaa-2021", "through_round:3", sigma: 11.5);
        var first = await _http.WaitForTerminalAsync(await _http.CreateRunAsync(request), TimeSpan.FromSeconds(10));
        var second = await _http.WaitForTerminalAsync(await _http.CreateRunAsync(request), TimeSpan.FromSeconds(10));

        Assert.NotEqual(first["runId"]!.GetValue<string>(), second["runId"]!.GetValue<string>());
        Assert.Equal(first["paramsHash"]!.GetValue<string>(), second["paramsHash"]!.GetValue<string>());
        string Sha(JsonObject run) => run["artifacts"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == "metrics")!["artifactId"]!.GetValue<string>();
        var a = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{Sha(first)}");
        var b = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{Sha(second)}");
        Assert.Equal(a!["sha256"]!.GetValue<string>(), b!["sha256"]!.GetValue<string>());
    }
}
