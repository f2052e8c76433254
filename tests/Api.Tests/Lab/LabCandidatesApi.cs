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

    /// <summary>Posts <c>generate</c> for the config and returns its 200 report; fails with the body otherwise.</summary>
    public static async Task<JsonObject> GenerateAsync(this HttpClient http, JsonObject config)
    {
        var response = await http.PostJsonAsync("/api/v1/lab/candidates/generate", config.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"generate {config.ToJsonString()}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
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
