using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Browser.Tests.Sandbox;

/// <summary>
/// Prerequisites the Sandbox journeys start from, made through the public API (not the UI under test): the Lab's
/// naive expected-value candidates for every real pool. Generating them again finds the same run, so any order of
/// tests, and other tests' data in the shared lab, leave this unchanged.
/// </summary>
public static class SandboxLabSetup
{
    /// <summary>The naive-EV config: the Lab's quickest (no ridge training), the lab-marked entry excluded.</summary>
    public static readonly JsonObject NaiveEvConfig = new()
    {
        ["advancementModel"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
        ["marketModel"] = "naive_ev",
        ["optimizerKey"] = "dp-v1",
        ["startingState"] = "pre_tournament",
        ["excludedEntry"] = "lab_marked",
    };

    /// <summary>Generates (or finds) the naive-EV candidates and waits until the generation run succeeded; returns the config key.</summary>
    public static async Task<string> EnsureNaiveEvCandidatesAsync(HttpClient api)
    {
        var started = await api.PostAsJsonAsync("/api/v1/lab/candidates/generate", NaiveEvConfig.DeepClone());
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var runId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
        await WaitSucceededAsync(api, runId, TimeSpan.FromMinutes(4));

        var list = await api.GetFromJsonAsync<JsonObject>("/api/v1/lab/candidates?calcuttaId=calcutta-2025&marketModel=naive_ev&optimizerKey=dp-v1&excludedEntry=lab_marked");
        return list!["items"]!.AsArray()[0]!["configKey"]!.GetValue<string>();
    }

    /// <summary>The naive-EV candidate of a pool, and the entry it replaces.</summary>
    public static async Task<(string CandidateId, string? ExcludedEntryKey)> CandidateOfAsync(HttpClient api, string calcuttaId)
    {
        var list = await api.GetFromJsonAsync<JsonObject>($"/api/v1/lab/candidates?calcuttaId={calcuttaId}&marketModel=naive_ev&optimizerKey=dp-v1&excludedEntry=lab_marked");
        var candidateId = list!["items"]!.AsArray()[0]!["candidateId"]!.GetValue<string>();
        var candidate = await api.GetFromJsonAsync<JsonObject>($"/api/v1/lab/candidates/{candidateId}");
        var excluded = candidate!.ToJsonString().Contains("\"excludedEntryKey\":\"", StringComparison.Ordinal)
            ? FindString(candidate, "excludedEntryKey")
            : null;
        return (candidateId, excluded);
    }

    public static async Task<JsonObject> WaitSucceededAsync(HttpClient api, string runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}"))!;
            var status = run["status"]!.GetValue<string>();
            if (status == "succeeded")
            {
                return run;
            }

            Assert.True(status is "queued" or "running", $"run {runId} ended {status}: {run["lastError"]}");
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} still {status} after {timeout}");
            await Task.Delay(500);
        }
    }

    /// <summary>The first string value of a property anywhere in the document (provenance nests it).</summary>
    private static string? FindString(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s)
            ? s
            : o.Select(p => FindString(p.Value, name)).FirstOrDefault(x => x is not null),
        JsonArray a => a.Select(x => FindString(x, name)).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
