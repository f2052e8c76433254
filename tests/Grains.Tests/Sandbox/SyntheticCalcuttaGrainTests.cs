using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Lab;
using static LabSandbox.Grains.Tests.Sandbox.SandboxRecords;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>
/// A synthetic calcutta copied from a real pool: every accepted change is a new version (kept by digest),
/// a rejected or content-neutral change stores nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SyntheticCalcuttaGrainTests(ClusterFixture fixture)
{
    private const string StateName = "syntheticCalcutta";

    private ISyntheticCalcuttaGrain Grain(string id) => fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(id);

    private long Writes(string id) => fixture.Storage.WritesOf(StateName, id);

    private async Task<string> CandidateAsync(string candidateId, string tournamentId = Tournament2025)
    {
        var record = LabRecords.Candidate(candidateId) with { TournamentId = tournamentId };
        Assert.Equal(CandidateWriteOutcome.Created, await fixture.Grains.GetGrain<ICandidateGrain>(candidateId).CreateAsync(record));
        return candidateId;
    }

    private async Task<SyntheticCalcuttaSnapshot> CreateFrom2025Async(string id) => AssertOk(await Grain(id).CreateAsync(FromCalcutta()));

    [Fact]
    public async Task Create_from_a_real_pool_copies_rules_scoring_payouts_and_every_entry()
    {
        const string Id = "sc-test-copy-2025";
        var pool = await fixture.Grains.GetGrain<ICalcuttaGrain>(Calcutta2025).GetAsync();
        Assert.NotNull(pool);
        Assert.NotEmpty(pool.Entries);

        var created = await CreateFrom2025Async(Id);

        Assert.Equal(Id, created.SyntheticCalcuttaId);
        Assert.Equal("Copy of 2025", created.Name);
        Assert.Equal(pool.TournamentId, created.TournamentId);
        Assert.Equal(Calcutta2025, created.SourceCalcuttaId);
        Assert.Equal(pool.Rules, created.Rules);
        Assert.Equal(pool.ScoringRules, created.ScoringRules);
        Assert.Equal(pool.Payouts, created.Payouts);
        Assert.Equal(
            pool.Entries.Select(e => $"{e.EntryKey}|{string.Join(",", e.Bids.Select(b => $"{b.TeamId}:{b.BidPoints}"))}"),
            created.Entries.Select(e => $"{e.EntryKey}|{string.Join(",", e.Bids.Select(b => $"{b.TeamId}:{b.BidPoints}"))}"));
        Assert.All(created.Entries, e => Assert.Null(e.CandidateId));
        Assert.Null(created.ExcludedEntryKey);
        Assert.Null(created.FocusCandidateId);
        Assert.Equal(1, created.Version);
        Assert.StartsWith("sha256:", created.Digest, StringComparison.Ordinal);
        Assert.Equal(1, Writes(Id));

        AssertSameContent(created, await Grain(Id).GetAsync());
        AssertSameContent(created, await fixture.Grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(Id, created.Digest)).GetAsync());
        Assert.Contains(Id, (await fixture.Grains.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync()).SyntheticCalcuttaIds);
    }

    [Fact]
    public async Task Repeating_create_is_a_no_op_and_another_definition_conflicts_without_a_write()
    {
        const string Id = "sc-test-create-repeat";
        var created = await CreateFrom2025Async(Id);

        AssertSameContent(created, AssertOk(await Grain(Id).CreateAsync(FromCalcutta())));

        var renamed = await Grain(Id).CreateAsync(FromCalcutta(name: "Another name"));
        AssertConflict(renamed);
        AssertSameContent(created, renamed.Snapshot);
        AssertConflict(await Grain(Id).CreateAsync(FromCalcutta(calcuttaId: "calcutta-2024")));
        AssertConflict(await Grain(Id).CreateAsync(Empty(name: "Copy of 2025")));

        Assert.Equal(1, Writes(Id));
        AssertSameContent(created, await Grain(Id).GetAsync());
    }

    [Fact]
    public async Task Every_accepted_change_is_a_new_version_and_earlier_versions_stay_readable()
    {
        const string Id = "sc-test-versions";
        var candidate = await CandidateAsync("cand-test-sc-versions");
        var history = new List<SyntheticCalcuttaSnapshot> { await CreateFrom2025Async(Id) };

        async Task AcceptedAsync(Func<ISyntheticCalcuttaGrain, Task<CommandResult<SyntheticCalcuttaSnapshot>>> change)
        {
            var previous = history[^1];
            var next = AssertOk(await change(Grain(Id)));
            Assert.Equal(previous.Version + 1, next.Version);
            Assert.DoesNotContain(next.Digest, history.Select(h => h.Digest));
            Assert.Equal(next.Version, Writes(Id));
            AssertSameContent(next, await Grain(Id).GetAsync());
            history.Add(next);
        }

        await AcceptedAsync(g => g.PutEntryAsync("manual-1", ValidBids));
        await AcceptedAsync(g => g.PutEntryAsync("manual-1", OtherValidBids));
        await AcceptedAsync(g => g.SetExcludedEntryAsync("P001"));
        await AcceptedAsync(g => g.AttachCandidateAsync(candidate));
        await AcceptedAsync(g => g.SetFocusCandidateAsync(candidate));
        await AcceptedAsync(g => g.SetExcludedEntryAsync("manual-1"));
        await AcceptedAsync(g => g.DeleteEntryAsync("P002"));
        await AcceptedAsync(g => g.DetachCandidateAsync(candidate));
        await AcceptedAsync(g => g.SetExcludedEntryAsync(null));

        var current = history[^1];
        Assert.Equal(10, current.Version);
        Assert.Equal(
            history[0].Entries.Select(e => e.EntryKey).Where(k => k != "P002").Append("manual-1").Order(StringComparer.Ordinal),
            current.Entries.Select(e => e.EntryKey));

        foreach (var version in history)
        {
            var kept = await fixture.Grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(Id, version.Digest)).GetAsync();
            AssertSameContent(version, kept);
        }

        // The history lists every version in order, each by the digest that reads it back.
        Assert.Equal(history.Select(h => new SyntheticCalcuttaVersionRef(h.Version, h.Digest, h.CreatedBy)), await Grain(Id).GetVersionsAsync());
        Assert.Empty(await Grain("sc-test-versions-none").GetVersionsAsync());

        var attached = history[4].Entries.Single(e => e.EntryKey == candidate);
        Assert.Equal(candidate, attached.CandidateId);
        Assert.Equal(LabRecords.Candidate(candidate).Bids.Select(b => new EntryBid(b.TeamId, b.BidPoints)), attached.Bids);
        Assert.Equal(OtherValidBids, history[2].Entries.Single(e => e.EntryKey == "manual-1").Bids);
    }

    [Fact]
    public async Task Rejected_changes_store_nothing()
    {
        const string Id = "sc-test-rejected";
        var attached = await CandidateAsync("cand-test-sc-rejected-attached");
        var unattached = await CandidateAsync("cand-test-sc-rejected-unattached");
        await CreateFrom2025Async(Id);
        AssertOk(await Grain(Id).AttachCandidateAsync(attached));
        var before = AssertOk(await Grain(Id).SetFocusCandidateAsync(attached));
        var writes = Writes(Id);

        async Task RejectedAsync(Task<CommandResult<SyntheticCalcuttaSnapshot>> change, CommandOutcome outcome, string field)
        {
            AssertRejected(await change, outcome, field);
            Assert.Equal(writes, Writes(Id));
            AssertSameContent(before, await Grain(Id).GetAsync());
        }

        var g = Grain(Id);
        await RejectedAsync(g.PutEntryAsync("manual-1", [new("duke", 50), new("houston", 50)]), CommandOutcome.Invalid, "bids");
        await RejectedAsync(g.PutEntryAsync("manual-1", [new("duke", 51), new("houston", 25), new("florida", 24)]), CommandOutcome.Invalid, "bids");
        await RejectedAsync(g.PutEntryAsync("manual-1", [new("duke", 50), new("houston", 50), new("florida", 1)]), CommandOutcome.Invalid, "bids");
        await RejectedAsync(g.PutEntryAsync("manual-1", [new("duke", 40), new("houston", 30), new("no-such-team", 30)]), CommandOutcome.Invalid, "bids");
        await RejectedAsync(g.PutEntryAsync("P001", [new("duke", 40), new("duke", 30), new("houston", 30)]), CommandOutcome.Invalid, "bids");
        await RejectedAsync(g.PutEntryAsync("bad key", ValidBids), CommandOutcome.Invalid, "entryKey");
        await RejectedAsync(g.PutEntryAsync(attached, ValidBids), CommandOutcome.Invalid, "entryKey");
        await RejectedAsync(g.DeleteEntryAsync(attached), CommandOutcome.Invalid, "entryKey");
        await RejectedAsync(g.DeleteEntryAsync("P999"), CommandOutcome.NotFound, "entryKey");
        await RejectedAsync(g.SetFocusCandidateAsync(unattached), CommandOutcome.Invalid, "candidateId");
        await RejectedAsync(g.SetFocusCandidateAsync("P001"), CommandOutcome.Invalid, "candidateId");
        await RejectedAsync(g.SetExcludedEntryAsync(attached), CommandOutcome.Invalid, "entryKey");
        await RejectedAsync(g.SetExcludedEntryAsync("P999"), CommandOutcome.Invalid, "entryKey");
        await RejectedAsync(g.DetachCandidateAsync(unattached), CommandOutcome.NotFound, "candidateId");
        await RejectedAsync(g.AttachCandidateAsync("cand-test-sc-rejected-missing"), CommandOutcome.NotFound, "candidateId");
    }

    [Fact]
    public async Task The_excluded_entry_cannot_become_the_focus()
    {
        const string Id = "sc-test-exclude-then-focus";
        var candidate = await CandidateAsync("cand-test-sc-exclude-then-focus");
        await CreateFrom2025Async(Id);
        AssertOk(await Grain(Id).AttachCandidateAsync(candidate));
        var before = AssertOk(await Grain(Id).SetExcludedEntryAsync(candidate));
        var writes = Writes(Id);

        AssertRejected(await Grain(Id).SetFocusCandidateAsync(candidate), CommandOutcome.Invalid, "candidateId");

        Assert.Equal(writes, Writes(Id));
        AssertSameContent(before, await Grain(Id).GetAsync());
    }

    [Fact]
    public async Task Commands_on_a_missing_synthetic_calcutta_are_not_found_and_write_nothing()
    {
        const string Id = "sc-test-missing";
        var g = Grain(Id);
        AssertRejected(await g.PutEntryAsync("manual-1", ValidBids), CommandOutcome.NotFound, "syntheticCalcuttaId");
        AssertRejected(await g.DeleteEntryAsync("P001"), CommandOutcome.NotFound, "syntheticCalcuttaId");
        AssertRejected(await g.AttachCandidateAsync("cand-test-sc-missing"), CommandOutcome.NotFound, "syntheticCalcuttaId");
        AssertRejected(await g.DetachCandidateAsync("cand-test-sc-missing"), CommandOutcome.NotFound, "syntheticCalcuttaId");
        AssertRejected(await g.SetExcludedEntryAsync(null), CommandOutcome.NotFound, "syntheticCalcuttaId");
        AssertRejected(await g.SetFocusCandidateAsync(null), CommandOutcome.NotFound, "syntheticCalcuttaId");

        Assert.Null(await g.GetAsync());
        Assert.Equal(0, Writes(Id));
    }

    [Fact]
    public async Task A_change_that_leaves_the_content_as_it_is_writes_nothing()
    {
        const string Id = "sc-test-neutral";
        var candidate = await CandidateAsync("cand-test-sc-neutral");
        var created = await CreateFrom2025Async(Id);

        // Clearing what is already clear.
        AssertSameContent(created, AssertOk(await Grain(Id).SetExcludedEntryAsync(null)));
        AssertSameContent(created, AssertOk(await Grain(Id).SetFocusCandidateAsync(null)));

        // A copied entry put back with its own bids, listed in another order.
        var p001 = created.Entries.Single(e => e.EntryKey == "P001");
        AssertSameContent(created, AssertOk(await Grain(Id).PutEntryAsync("P001", p001.Bids.Reverse().ToList())));
        Assert.Equal(1, Writes(Id));

        var excluded = AssertOk(await Grain(Id).SetExcludedEntryAsync("P001"));
        AssertSameContent(excluded, AssertOk(await Grain(Id).SetExcludedEntryAsync("P001")));
        var withCandidate = AssertOk(await Grain(Id).AttachCandidateAsync(candidate));
        AssertSameContent(withCandidate, AssertOk(await Grain(Id).AttachCandidateAsync(candidate)));
        var focused = AssertOk(await Grain(Id).SetFocusCandidateAsync(candidate));
        AssertSameContent(focused, AssertOk(await Grain(Id).SetFocusCandidateAsync(candidate)));
        var manual = AssertOk(await Grain(Id).PutEntryAsync("manual-1", ValidBids));
        AssertSameContent(manual, AssertOk(await Grain(Id).PutEntryAsync("manual-1", ValidBids.Reverse().ToList())));

        Assert.Equal(5, manual.Version);
        Assert.Equal(5, Writes(Id));
        AssertSameContent(manual, await Grain(Id).GetAsync());
    }

    [Fact]
    public async Task A_candidate_for_another_tournament_or_a_taken_key_cannot_be_attached()
    {
        const string Id = "sc-test-attach-invalid";
        var other = await CandidateAsync("cand-test-sc-2024", tournamentId: "ncaa-2024");
        var clash = await CandidateAsync("cand-test-sc-key-clash");
        await CreateFrom2025Async(Id);
        var before = AssertOk(await Grain(Id).PutEntryAsync(clash, ValidBids));
        var writes = Writes(Id);

        AssertRejected(await Grain(Id).AttachCandidateAsync(other), CommandOutcome.Invalid, "candidateId");
        AssertRejected(await Grain(Id).AttachCandidateAsync(clash), CommandOutcome.Invalid, "candidateId");

        Assert.Equal(writes, Writes(Id));
        AssertSameContent(before, await Grain(Id).GetAsync());
        Assert.Null((await Grain(Id).GetAsync())!.Entries.Single(e => e.EntryKey == clash).CandidateId);
    }

    [Fact]
    public async Task Detaching_the_focus_clears_the_focus_and_deleting_the_excluded_entry_clears_the_exclusion()
    {
        const string Id = "sc-test-detach-delete";
        var focus = await CandidateAsync("cand-test-sc-detach-focus");
        var excludedCandidate = await CandidateAsync("cand-test-sc-detach-excluded");
        await CreateFrom2025Async(Id);
        AssertOk(await Grain(Id).AttachCandidateAsync(focus));
        AssertOk(await Grain(Id).SetFocusCandidateAsync(focus));
        AssertOk(await Grain(Id).SetExcludedEntryAsync("P001"));

        var detached = AssertOk(await Grain(Id).DetachCandidateAsync(focus));
        Assert.Null(detached.FocusCandidateId);
        Assert.Equal("P001", detached.ExcludedEntryKey);
        Assert.DoesNotContain(detached.Entries, e => e.EntryKey == focus);

        var deleted = AssertOk(await Grain(Id).DeleteEntryAsync("P001"));
        Assert.Null(deleted.ExcludedEntryKey);
        Assert.DoesNotContain(deleted.Entries, e => e.EntryKey == "P001");

        // An attached candidate that is the excluded entry: detaching it clears the exclusion too.
        AssertOk(await Grain(Id).AttachCandidateAsync(excludedCandidate));
        Assert.Equal(excludedCandidate, AssertOk(await Grain(Id).SetExcludedEntryAsync(excludedCandidate)).ExcludedEntryKey);
        Assert.Null(AssertOk(await Grain(Id).DetachCandidateAsync(excludedCandidate)).ExcludedEntryKey);

        // Deleting an entry that is not the excluded one keeps the exclusion.
        AssertOk(await Grain(Id).SetExcludedEntryAsync("P002"));
        Assert.Equal("P002", AssertOk(await Grain(Id).DeleteEntryAsync("P003")).ExcludedEntryKey);
    }

    [Fact]
    public async Task The_digest_depends_on_the_content_not_on_the_edit_order()
    {
        const string Id = "sc-test-digest-order";
        var original = await CreateFrom2025Async(Id);

        var added = AssertOk(await Grain(Id).PutEntryAsync("manual-1", ValidBids));
        var undone = AssertOk(await Grain(Id).DeleteEntryAsync("manual-1"));
        Assert.Equal(original.Digest, undone.Digest);
        Assert.Equal(3, undone.Version);

        AssertOk(await Grain(Id).PutEntryAsync("manual-2", OtherValidBids));
        var both = AssertOk(await Grain(Id).PutEntryAsync("manual-1", ValidBids));
        Assert.NotEqual(added.Digest, both.Digest);
        AssertOk(await Grain(Id).DeleteEntryAsync("manual-1"));
        AssertOk(await Grain(Id).DeleteEntryAsync("manual-2"));
        AssertOk(await Grain(Id).PutEntryAsync("manual-1", ValidBids));
        var bothAgain = AssertOk(await Grain(Id).PutEntryAsync("manual-2", OtherValidBids));
        Assert.Equal(both.Digest, bothAgain.Digest);
        Assert.Equal(Describe(both.Entries), Describe(bothAgain.Entries));

        var excluded = AssertOk(await Grain(Id).SetExcludedEntryAsync("P001"));
        Assert.NotEqual(bothAgain.Digest, excluded.Digest);
        var cleared = AssertOk(await Grain(Id).SetExcludedEntryAsync(null));
        Assert.Equal(bothAgain.Digest, cleared.Digest);
        Assert.Equal(11, cleared.Version);
        Assert.Equal(11, Writes(Id));

        // The kept copy of a digest reached twice is the first one (same content, its own version number).
        var kept = await fixture.Grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(Id, original.Digest)).GetAsync();
        AssertSameContent(original, kept);
        AssertSameContent(undone, kept, compareVersion: false);
    }

    [Fact]
    public async Task Two_synthetic_calcuttas_with_the_same_content_differ_only_by_id()
    {
        var a = await CreateFrom2025Async("sc-test-twin-a");
        var b = await CreateFrom2025Async("sc-test-twin-b");
        Assert.NotEqual(a.Digest, b.Digest);

        var a2 = AssertOk(await Grain(a.SyntheticCalcuttaId).PutEntryAsync("manual-1", ValidBids));
        var b2 = AssertOk(await Grain(b.SyntheticCalcuttaId).PutEntryAsync("manual-1", ValidBids));
        Assert.Equal(Describe(a2.Entries), Describe(b2.Entries));
        AssertSameContent(a2 with { SyntheticCalcuttaId = b2.SyntheticCalcuttaId, Digest = b2.Digest }, b2);
    }
}
