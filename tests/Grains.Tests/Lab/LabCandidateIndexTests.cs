using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Lab;

/// <summary>The Lab mapping holds one candidate per (pool, config), ordered by config key then pool.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LabCandidateIndexTests(ClusterFixture fixture)
{
    [Fact]
    public async Task One_candidate_per_pool_and_config_and_a_newer_candidate_replaces_the_older()
    {
        var index = fixture.Grains.GetGrain<ILabCandidateIndexGrain>("lab-test-unique");
        var ridge = LabRecords.NaiveEv with { MarketModel = "ridge" };

        Assert.True(await index.PutAsync(LabRecords.Entry("calcutta-2025", "cand-a")));
        Assert.True(await index.PutAsync(LabRecords.Entry("calcutta-2017", "cand-b")));
        Assert.True(await index.PutAsync(LabRecords.Entry("calcutta-2025", "cand-c", ridge)));
        Assert.False(await index.PutAsync(LabRecords.Entry("calcutta-2025", "cand-a")));
        var writes = fixture.Storage.WritesOf("labCandidates", "lab-test-unique");

        // The pool's data changed, so its candidate id did: the mapping follows the newer candidate.
        Assert.True(await index.PutAsync(LabRecords.Entry("calcutta-2025", "cand-d")));
        Assert.Equal(writes + 1, fixture.Storage.WritesOf("labCandidates", "lab-test-unique"));

        var entries = await index.ListAsync();
        Assert.Equal(
            [("cfg-naive_ev", "calcutta-2017", "cand-b"), ("cfg-naive_ev", "calcutta-2025", "cand-d"), ("cfg-ridge", "calcutta-2025", "cand-c")],
            entries.Select(e => (e.ConfigKey, e.CalcuttaId, e.CandidateId)));
    }
}
