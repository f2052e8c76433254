using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Simulations;

/// <summary>Helpers for <c>simulation</c> runs over the API: requests, the pinned advancement artifacts, events.</summary>
public static class SimulationApi
{
    /// <summary>The 2025 real pool pays 60,000 + 36,500 + 22,500 + 13,000 + 6,000 + 3,000 cents every simulation.</summary>
    public const long PrizePoolCents2025 = 141_000;

    public const int Entries2025 = 47;

    private static readonly ConditionalWeakTable<HttpClient, ConcurrentDictionary<string, Lazy<Task<JsonObject>>>> s_advancementRuns = new();

    /// <summary>A valid simulation request over calcutta-2025 (pass the metrics artifact of an ncaa-2025 advancement run).</summary>
    public static JsonObject Request(
        string advancementArtifactId, long nSims, long seed, string startingState = "pre_tournament",
        int? chunkSize = null, string? excludedEntryKey = null, string calcuttaId = "calcutta-2025")
    {
        var request = new JsonObject
        {
            ["kind"] = "simulation",
            ["calcuttaId"] = calcuttaId,
            ["advancementArtifactId"] = advancementArtifactId,
            ["nSims"] = nSims,
            ["seed"] = seed,
            ["startingState"] = startingState,
        };
        if (chunkSize is { } size)
        {
            request["chunkSize"] = size;
        }

        if (excludedEntryKey is not null)
        {
            request["excludedEntryKey"] = excludedEntryKey;
        }

        return request;
    }

    /// <summary>A succeeded advancement run (sigma 10), made once per API client and tournament/starting state.</summary>
    public static Task<JsonObject> AdvancementRunAsync(this HttpClient http, string tournamentId, string startingState) =>
        s_advancementRuns.GetOrCreateValue(http).GetOrAdd($"{tournamentId}|{startingState}", _ => new Lazy<Task<JsonObject>>(async () =>
        {
            var run = await http.WaitForTerminalAsync(
                await http.CreateRunAsync(RunApi.AdvancementRequest(tournamentId, startingState)), TimeSpan.FromSeconds(15));
            Assert.Equal("succeeded", run["status"]!.GetValue<string>());
            return run;
        })).Value;

    /// <summary>The id of the <c>metrics</c> artifact of an advancement run (what a simulation pins).</summary>
    public static async Task<string> AdvancementMetricsIdAsync(this HttpClient http, string tournamentId, string startingState) =>
        ArtifactId(await http.AdvancementRunAsync(tournamentId, startingState), "metrics");

    public static string ArtifactId(JsonObject run, string kind) =>
        run["artifacts"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == kind)!["artifactId"]!.GetValue<string>();

    public static string Status(JsonObject run) => run["status"]!.GetValue<string>();

    public static async Task<int> CountRunsAsync(this HttpClient http) =>
        (await http.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500"))!["items"]!.AsArray().Count;

    /// <summary>Posts the request and waits for the run to end; asserts it succeeded.</summary>
    public static async Task<JsonObject> RunToSuccessAsync(this HttpClient http, JsonObject request, TimeSpan timeout)
    {
        var run = await http.WaitForTerminalAsync(await http.CreateRunAsync(request.ToJsonString()), timeout);
        Assert.True(Status(run) == "succeeded", run.ToJsonString());
        return run;
    }

    public static async Task<JsonObject> ArtifactAsync(this HttpClient http, string artifactId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{artifactId}"))!;

    /// <summary>Follows the run's <c>/events</c> as a live stream until the server ends it; fails if it is still open at the deadline.</summary>
    public static Task<List<StreamedEvent>> FollowEventsAsync(this HttpClient http, string runId, TimeSpan timeout) =>
        http.FollowEventStreamAsync($"/api/v1/runs/{runId}/events", timeout);
}
