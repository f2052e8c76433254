using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.TestSupport;
using Xunit;

namespace LabSandbox.Api.Tests.Cluster;

/// <summary>
/// Lab candidates on PostgreSQL: after the whole cluster restarts, generating the same config again names the same
/// finished generation run and creates nothing, another generation run of it finds the same candidate ids, and the
/// same candidates and coverage are served.
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
        string serviceId, coverageJson, runId;
        Dictionary<string, string> ids, details;
        await using (var first = new LabApiFactory(settings))
        {
            serviceId = first.ServiceId;
            var http = first.CreateClient();
            var started = await http.StartRunAsync("/api/v1/lab/candidates/generate", Config.DeepClone().AsObject());
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.Status);
            runId = started.RunId;
            var report = await http.ReportOfAsync(runId, LabCandidatesApi.GenerationTimeout);
            Assert.Equal((8, 0, 0), (report["created"]!.GetValue<int>(), report["skipped"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
            ids = CandidateIds(report);
            details = await DetailsAsync(http, ids.Values);
            coverageJson = await http.GetStringAsync("/api/v1/lab/candidates/coverage");
        }

        await using var second = new LabApiFactory(settings, serviceId);
        var again = second.CreateClient();
        Assert.Equal(coverageJson, await again.GetStringAsync("/api/v1/lab/candidates/coverage"));
        Assert.Equal(details, await DetailsAsync(again, ids.Values));
        var runsBefore = await again.AllRunIdsAsync();

        var repeat = await again.StartRunAsync("/api/v1/lab/candidates/generate", Config.DeepClone().AsObject());
        Assert.Equal((System.Net.HttpStatusCode.OK, runId), (repeat.Status, repeat.RunId));
        Assert.Equal(ids, CandidateIds(await again.ReportOfAsync(runId, TimeSpan.FromSeconds(10))));
        Assert.Equal(runsBefore.Order(StringComparer.Ordinal), (await again.AllRunIdsAsync()).Order(StringComparer.Ordinal));

        // Another generation run of the config (the generic create path) finds every pool's runs after the restart.
        var body = Config.DeepClone().AsObject();
        body["kind"] = "lab_generation";
        var regenerated = await again.ReportOfAsync(await again.CreateRunAsync(body.ToJsonString()), LabCandidatesApi.GenerationTimeout);
        Assert.Equal((0, 8, 0), (regenerated["created"]!.GetValue<int>(), regenerated["skipped"]!.GetValue<int>(), regenerated["failed"]!.GetValue<int>()));
        Assert.Equal(ids, CandidateIds(regenerated));
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
