using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>Helpers for the Lab over the API: config bodies, <c>generate</c>, and reads the Lab tests share.</summary>
public static class LabCandidatesApi
{
    /// <summary>The eight real pools the Lab covers (2020 had no tournament).</summary>
    public static readonly IReadOnlyList<string> RealPools =
    [
        "calcutta-2017", "calcutta-2018", "calcutta-2019", "calcutta-2021",
        "calcutta-2022", "calcutta-2023", "calcutta-2024", "calcutta-2025",
    ];

    public static readonly IReadOnlyList<string> MarketModels = ["naive_ev", "oracle", "ridge"];

    /// <summary>A <c>generate</c> body: kenpom-logistic σ 10, dp-v1, post_first_four, each pool's lab-marked entry excluded.</summary>
    public static JsonObject Config(string marketModel) => new()
    {
        ["advancementModel"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
        ["marketModel"] = marketModel,
        ["optimizerKey"] = "dp-v1",
        ["startingState"] = "post_first_four",
        ["excludedEntry"] = "lab_marked",
    };

    /// <summary>How long a generation run may take in these tests (all eight pools, on a shared 2-core machine).</summary>
    public static readonly TimeSpan GenerationTimeout = TimeSpan.FromMinutes(5);

    /// <summary>What <c>generate</c> answered, and how long the request took.</summary>
    public sealed record StartedRun(HttpStatusCode Status, string RunId, JsonObject Body, TimeSpan Elapsed);

    /// <summary>
    /// Posts a request that starts an orchestration run; asserts 202 (or 200: its run had already finished) with
    /// <c>{runId, status, reportUrl}</c> and a Location to the run.
    /// </summary>
    public static async Task<StartedRun> StartRunAsync(this HttpClient http, string path, JsonObject? body)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await http.PostAsync(path, body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var elapsed = clock.Elapsed;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"POST {path} {body?.ToJsonString()}: {(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!.AsObject();
        var runId = answer.Text("runId");
        Assert.EndsWith($"/api/v1/runs/{runId}", response.Headers.Location!.ToString());
        Assert.Contains(answer.Text("status"), response.StatusCode == HttpStatusCode.OK ? ["succeeded"] : new[] { "queued", "running" });
        Assert.Equal($"/api/v1/artifacts/{LabSandbox.Grains.Artifacts.ArtifactWriter.ArtifactIdFor(runId, "metrics")}/content", answer.Text("reportUrl"));
        return new StartedRun(response.StatusCode, runId, answer, elapsed);
    }

    /// <summary>Starts <c>generate</c> for the config (a new generation: 202) and returns its report once the run has succeeded.</summary>
    public static async Task<JsonObject> GenerateAsync(this HttpClient http, JsonObject config)
    {
        var started = await http.StartRunAsync("/api/v1/lab/candidates/generate", config);
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        return await http.ReportOfAsync(started.RunId, GenerationTimeout);
    }

    /// <summary>A GET that must answer 200; fails with the status and body otherwise.</summary>
    public static async Task<JsonObject> GetOkAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Every run the API lists, following <c>nextCursor</c> through pages of 500.</summary>
    public static async Task<IReadOnlyList<string>> AllRunIdsAsync(this HttpClient http)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs?limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            ids.AddRange(page!["items"]!.AsArray().Select(i => i!["runId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static IEnumerable<JsonObject> Objects(this JsonNode? array) => array!.AsArray().Select(n => n!.AsObject());

    /// <summary>The pools of a generate report, keyed by pool id.</summary>
    public static IReadOnlyDictionary<string, JsonObject> PoolsById(JsonObject report) =>
        report["pools"].Objects().ToDictionary(p => p.Text("calcuttaId"), StringComparer.Ordinal);

    /// <summary>The id of the run's only artifact of <paramref name="kind"/>.</summary>
    public static string ArtifactOfKind(JsonObject run, string kind) =>
        run["artifacts"].Objects().Single(a => a.Text("kind") == kind).Text("artifactId");
}
