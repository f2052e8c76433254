using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// Generating a config again finds what the first generate made (INV-7/INV-8: runs and candidates have
/// spec-derived ids): it creates nothing, starts no run, and names the same candidate and runs for every pool.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class LabGenerateIdempotencyTests(GeneratedLabFixture lab)
{
    [Fact]
    public async Task A_second_identical_generate_names_the_same_finished_run_with_the_same_candidates_and_starts_no_run()
    {
        var runsBefore = await lab.Http.AllRunIdsAsync();
        Assert.Equal(runsBefore.Count, runsBefore.Distinct().Count());

        foreach (var model in LabCandidatesApi.MarketModels)
        {
            var first = lab.Reports[model];
            var again = await lab.Http.StartRunAsync("/api/v1/lab/candidates/generate", LabCandidatesApi.Config(model));

            // The config's generation run already succeeded: 200 with that run, whose report is the first one.
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Equal(lab.Generations[model].RunId, again.RunId);
            Assert.Equal("succeeded", again.Body.Text("status"));
            var report = await lab.Http.ReportOfAsync(again.RunId, TimeSpan.FromSeconds(10));
            Assert.True(JsonNode.DeepEquals(first, report), $"{first.ToJsonString()}\nvs\n{report.ToJsonString()}");
        }

        var runsAfter = await lab.Http.AllRunIdsAsync();
        Assert.Equal(runsBefore.Order(StringComparer.Ordinal), runsAfter.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_generation_run_of_a_covered_config_skips_every_pool_with_the_same_candidates_and_starts_no_other_run()
    {
        var runsBefore = await lab.Http.AllRunIdsAsync();
        var first = lab.Reports["oracle"];

        // The generic create path: a lab_generation run under an allocated id, so the handler runs over children that all exist.
        var body = LabCandidatesApi.Config("oracle");
        body["kind"] = "lab_generation";
        var runId = await lab.Http.CreateRunAsync(body.ToJsonString());
        var again = await lab.Http.ReportOfAsync(runId, LabCandidatesApi.GenerationTimeout);

        Assert.True(again["created"]!.GetValue<int>() == 0 && again["skipped"]!.GetValue<int>() == 8 && again["failed"]!.GetValue<int>() == 0,
            again.ToJsonString());
        Assert.Equal(first.Text("configKey"), again.Text("configKey"));
        var firstPools = LabCandidatesApi.PoolsById(first);
        var againPools = LabCandidatesApi.PoolsById(again);
        Assert.Equal(LabCandidatesApi.RealPools, againPools.Keys.Order(StringComparer.Ordinal));
        foreach (var (pool, outcome) in againPools)
        {
            Assert.Equal("skipped_existing", outcome.Text("outcome"));
            foreach (var field in new[] { "candidateId", "advancementRunId", "marketShareRunId", "strategyRunId" })
            {
                Assert.True(firstPools[pool].Text(field) == outcome.Text(field), $"oracle {pool} {field}: {firstPools[pool]} vs {outcome}");
            }
        }

        var runsAfter = await lab.Http.AllRunIdsAsync();
        Assert.Equal(runsBefore.Append(runId).Order(StringComparer.Ordinal), runsAfter.Order(StringComparer.Ordinal));
    }
}
