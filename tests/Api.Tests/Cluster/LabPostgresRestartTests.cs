using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Runs.StrategyGeneration;
using LabSandbox.TestSupport;
using Xunit;

namespace LabSandbox.Api.Tests.Cluster;

/// <summary>
/// Lab candidates on PostgreSQL: after the whole cluster restarts, generating the same config again creates
/// nothing, finds the same candidate ids, and serves the same candidates and coverage.
/// </summary>
public sealed class LabPostgresRestartTests
{
    private static readonly JsonObject Config = new()
    {
        ["advancementModel"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
        ["marketModel"] = "naive_ev",
        ["optimizerKey"] = "dp-v1",
        ["startingState"] = "post_first_four",
        ["excludedEntry"] = "lab_marked",
    };

    [Fact]
    public async Task Candidate_ids_are_stable_across_a_cluster_restart_on_postgres()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString };
        string serviceId, coverageJson;
        Dictionary<string, string> ids, details;
        await using (var first = new LabApiFactory(settings))
        {
            serviceId = first.ServiceId;
            var http = first.CreateClient();
            var report = await GenerateAsync(http);
            Assert.Equal((8, 0, 0), (report["created"]!.GetValue<int>(), report["skipped"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
            ids = CandidateIds(report);
            details = await DetailsAsync(http, ids.Values);
            coverageJson = await http.GetStringAsync("/api/v1/lab/candidates/coverage");
        }

        await using var second = new LabApiFactory(settings, serviceId);
        var again = second.CreateClient();
        Assert.Equal(coverageJson, await again.GetStringAsync("/api/v1/lab/candidates/coverage"));
        Assert.Equal(details, await DetailsAsync(again, ids.Values));

        var repeat = await GenerateAsync(again);
        Assert.Equal((0, 8, 0), (repeat["created"]!.GetValue<int>(), repeat["skipped"]!.GetValue<int>(), repeat["failed"]!.GetValue<int>()));
        Assert.Equal(ids, CandidateIds(repeat));
    }

    private static async Task<JsonObject> GenerateAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/lab/candidates/generate", Config.DeepClone());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Dictionary<string, string> CandidateIds(JsonObject report) =>
        report["pools"]!.AsArray().ToDictionary(p => p!["calcuttaId"]!.GetValue<string>(), p => p!["candidateId"]!.GetValue<string>());

    private static async Task<Dictionary<string, string>> DetailsAsync(HttpClient http, IEnumerable<string> candidateIds)
    {
        var details = new Dictionary<string, string>();
        foreach (var id in candidateIds)
        {
            details[id] = await http.GetStringAsync($"/api/v1/lab/candidates/{id}");
        }

        return details;
    }
}
