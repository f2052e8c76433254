using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Browser.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Browser.Tests.Artifacts;

/// <summary>
/// The runs the artifact pages are tested on, made once per lab through the API (set-up, not the behaviour under test):
/// a 2025 advancement run and a small 2025 simulation pinned to its metrics.
/// </summary>
public sealed record ArtifactLabRuns(string AdvancementRunId, string AdvancementMetricsId, string AdvancementLinesId,
    string SimulationRunId, string SimulationMetricsId, string EntryDistributionsId)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<Uri, ArtifactLabRuns> Made = [];

    public static async Task<ArtifactLabRuns> GetAsync(BrowserLab lab)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Made.TryGetValue(lab.BaseAddress, out var runs))
            {
                runs = await MakeAsync(lab);
                Made[lab.BaseAddress] = runs;
            }

            return runs;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static HttpClient Http(BrowserLab lab) => new() { BaseAddress = lab.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<ArtifactLabRuns> MakeAsync(BrowserLab lab)
    {
        using var http = Http(lab);
        var advancement = await RunAsync(http, new JsonObject
        {
            ["kind"] = "advancement",
            ["tournamentId"] = "ncaa-2025",
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
            ["startingState"] = "pre_tournament",
        });
        var simulation = await RunAsync(http, new JsonObject
        {
            ["kind"] = "simulation",
            ["calcuttaId"] = "calcutta-2025",
            ["advancementArtifactId"] = ArtifactId(advancement, "metrics"),
            ["nSims"] = 20_000,
            ["seed"] = 17,
            ["startingState"] = "pre_tournament",
        });
        return new ArtifactLabRuns(
            advancement["runId"]!.GetValue<string>(), ArtifactId(advancement, "metrics"), ArtifactId(advancement, "advancement"),
            simulation["runId"]!.GetValue<string>(), ArtifactId(simulation, "metrics"), ArtifactId(simulation, "entry_distributions"));
    }

    private static async Task<JsonObject> RunAsync(HttpClient http, JsonObject request)
    {
        var created = await http.PostAsync("/api/v1/runs", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var run = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}"))!;
            var status = run["status"]!.GetValue<string>();
            if (status == "succeeded")
            {
                return run;
            }

            Assert.True(status is "queued" or "running" && DateTime.UtcNow < deadline, $"run {runId} is {status}: {run.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    private static string ArtifactId(JsonObject run, string kind) =>
        run["artifacts"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == kind)!["artifactId"]!.GetValue<string>();
}
