using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>Small helpers over the runs API used by several tests.</summary>
public static class RunApi
{
    public const string Duke2025Request =
        """{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""";

    public static string AdvancementRequest(string tournamentId, string startingState, double sigma = 10) =>
        new JsonObject
        {
            ["kind"] = "advancement",
            ["tournamentId"] = tournamentId,
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = sigma },
            ["startingState"] = startingState,
        }.ToJsonString();

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        await http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Posts a run and returns its id; asserts 202 with a Location to the run.</summary>
    public static async Task<string> CreateRunAsync(this HttpClient http, string json)
    {
        var response = await http.PostJsonAsync("/api/v1/runs", json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var runId = body!["runId"]!.GetValue<string>();
        Assert.EndsWith($"/api/v1/runs/{runId}", response.Headers.Location!.ToString());
        return runId;
    }

    /// <summary>Polls the run until it is terminal or the deadline passes; returns the last body.</summary>
    public static async Task<JsonObject> WaitForTerminalAsync(this HttpClient http, string runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
            var status = run!["status"]!.GetValue<string>();
            if (status is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The report of an orchestration run (Lab generate, cohort simulation): waits until the run is terminal (bounded),
    /// asserts it succeeded, and reads its metrics artifact.
    /// </summary>
    public static async Task<JsonObject> ReportOfAsync(this HttpClient http, string runId, TimeSpan timeout)
    {
        var run = await http.WaitForTerminalAsync(runId, timeout);
        Assert.True(run["status"]!.GetValue<string>() == "succeeded", $"run {runId} did not succeed within {timeout}: {run.ToJsonString()}");
        return await http.GetMetricsAsync(run);
    }

    /// <summary>The run's <c>RUN.PROGRESS</c> events of one phase, in order.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ProgressEventsAsync(this HttpClient http, string runId, string phase)
    {
        var page = await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events");
        return page!["events"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => e["name"]!.GetValue<string>() == "RUN.PROGRESS" && e["phase"]?.GetValue<string>() == phase).ToList();
    }

    public static async Task<JsonObject> GetMetricsAsync(this HttpClient http, JsonObject run)
    {
        var metricsId = run["artifacts"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == "metrics")!["artifactId"]!.GetValue<string>();
        return (await http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{metricsId}/content"))!;
    }

    public static JsonObject Team(JsonObject metrics, string teamId) =>
        metrics["teams"]!.AsArray().Single(t => t!["teamId"]!.GetValue<string>() == teamId)!.AsObject();

    /// <summary>The golden P(round) and expected points of one team from data/real/derived.</summary>
    public static (double[] PRound, double ExpectedPoints) Golden(int year, string teamId)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Golden(year)));
        var team = doc.RootElement.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("school_slug").GetString() == teamId);
        return (team.GetProperty("p_round_1_to_7").EnumerateArray().Select(p => p.GetDouble()).ToArray(),
            team.GetProperty("expected_points_real_rules").GetDouble());
    }
}
