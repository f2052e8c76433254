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
    public async Task A_second_identical_generate_skips_every_pool_with_the_same_candidates_and_starts_no_run()
    {
        var runsBefore = await lab.Http.AllRunIdsAsync();
        Assert.Equal(runsBefore.Count, runsBefore.Distinct().Count());

        foreach (var model in LabCandidatesApi.MarketModels)
        {
            var first = lab.Reports[model];
            var again = await lab.Http.GenerateAsync(LabCandidatesApi.Config(model));

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
                    Assert.True(firstPools[pool].Text(field) == outcome.Text(field), $"{model} {pool} {field}: {firstPools[pool]} vs {outcome}");
                }
            }
        }

        var runsAfter = await lab.Http.AllRunIdsAsync();
        Assert.Equal(runsBefore.Order(StringComparer.Ordinal), runsAfter.Order(StringComparer.Ordinal));
    }
}
