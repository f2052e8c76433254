using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Lab;

/// <summary>A candidate is written once: a repeat (even from another run of the same provenance) is a no-op; different bids conflict.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CandidateGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Repeats_are_idempotent_and_different_bids_conflict_without_a_write()
    {
        const string Id = "cand-test-write-once";
        var grain = fixture.Grains.GetGrain<ICandidateGrain>(Id);
        var original = LabRecords.Candidate(Id);

        Assert.Equal(CandidateWriteOutcome.Created, await grain.CreateAsync(original));
        Assert.Equal(CandidateWriteOutcome.AlreadyExists, await grain.CreateAsync(original with { SourceRunId = "run-strategy-2", BidsArtifactId = "art-bids-2" }));
        Assert.Equal(CandidateWriteOutcome.Conflict, await grain.CreateAsync(LabRecords.Candidate(Id, dukeBid: 39)));
        Assert.Equal(CandidateWriteOutcome.Conflict, await grain.CreateAsync(original with { ExcludedEntryKey = null }));

        var stored = await grain.GetAsync();
        Assert.NotNull(stored);
        Assert.Equal("run-strategy-1", stored.SourceRunId);
        Assert.Equal(original.Bids, stored.Bids);
        Assert.Equal(1, fixture.Storage.WritesOf("candidate", Id));
    }

    [Fact]
    public async Task A_record_cannot_be_written_under_another_id()
    {
        var grain = fixture.Grains.GetGrain<ICandidateGrain>("cand-test-other-id");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.CreateAsync(LabRecords.Candidate("cand-test-something-else")));
        Assert.Null(await grain.GetAsync());
    }
}
