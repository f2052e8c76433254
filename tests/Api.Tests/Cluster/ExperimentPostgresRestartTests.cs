using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Experiments;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.TestSupport;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Cluster;

/// <summary>
/// An experiment on PostgreSQL: after the whole cluster restarts, the experiment, its iterations, its event log, its
/// runs and its best candidate read back byte for byte, and repeating the create request changes nothing.
/// </summary>
public sealed class ExperimentPostgresRestartTests
{
    private const string ExperimentId = "exp-postgres-restart";

    [Fact]
    public async Task An_experiment_reads_back_identically_after_a_cluster_restart_on_postgres()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString };
        string serviceId;
        JsonObject request;
        Dictionary<string, string> before;
        await using (var first = new LabApiFactory(settings))
        {
            serviceId = first.ServiceId;
            var http = first.CreateClient();
            request = await RequestFromLabCandidateAsync(http);
            var ended = await http.RunExperimentToSuccessAsync(request.DeepClone().AsObject());
            Assert.Equal("succeeded", ended["status"]!.GetValue<string>());
            before = await ReadEverythingAsync(http, ended["result"]!["bestCandidateId"]!.GetValue<string>());
        }

        await using var second = new LabApiFactory(settings, serviceId);
        var again = second.CreateClient();
        var bestCandidateId = JsonNode.Parse(before["experiment"])!["result"]!["bestCandidateId"]!.GetValue<string>();
        Assert.Equal(before, await ReadEverythingAsync(again, bestCandidateId));

        using var repeat = await again.PostAsJsonAsync("/api/v1/experiments", request.DeepClone());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(before, await ReadEverythingAsync(again, bestCandidateId));
    }

    /// <summary>A small experiment over the 2025 pool from the Lab's dp-v1 naive_ev candidate.</summary>
    private static async Task<JsonObject> RequestFromLabCandidateAsync(HttpClient http)
    {
        var report = await http.GenerateAsync(LabCandidatesApi.Config("naive_ev"));
        var candidateId = report["pools"]!.AsArray().Single(p => p!["calcuttaId"]!.GetValue<string>() == "calcutta-2025")!["candidateId"]!.GetValue<string>();
        var candidate = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/lab/candidates/{candidateId}"))!;
        return new JsonObject
        {
            ["experimentId"] = ExperimentId, ["calcuttaId"] = "calcutta-2025", ["initialCandidateId"] = candidateId,
            ["advancementArtifactId"] = candidate["advancementArtifactId"]!.GetValue<string>(),
            ["marketShareArtifactId"] = candidate["marketShareArtifactId"]!.GetValue<string>(),
            ["startingState"] = "post_first_four", ["excludedEntryKey"] = candidate["excludedEntryKey"]!.GetValue<string>(),
            ["masterSeed"] = 42, ["candidatesPerIteration"] = 4, ["screeningSims"] = 500, ["evaluationSims"] = 1_000,
            ["evaluationSamples"] = 2, ["finalSims"] = 4_000, ["maxIterations"] = 3, ["patience"] = 3,
        };
    }

    private static async Task<Dictionary<string, string>> ReadEverythingAsync(HttpClient http, string bestCandidateId) => new()
    {
        ["experiment"] = await http.GetStringAsync($"/api/v1/experiments/{ExperimentId}"),
        ["iterations"] = await http.GetStringAsync($"/api/v1/experiments/{ExperimentId}/iterations?limit=500"),
        ["events"] = await http.GetStringAsync($"/api/v1/experiments/{ExperimentId}/events"),
        ["runs"] = await http.GetStringAsync($"/api/v1/experiments/{ExperimentId}/runs"),
        ["list"] = await http.GetStringAsync("/api/v1/experiments"),
        ["candidate"] = await http.GetStringAsync($"/api/v1/lab/candidates/{bestCandidateId}"),
    };
}
