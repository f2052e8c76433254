using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Tests.Infrastructure;
using static LabSandbox.Grains.Tests.Sandbox.SandboxRecords;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>A cohort: existing members and valid settings, created once; each distinct simulation is recorded once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CohortGrainTests(ClusterFixture fixture)
{
    private const string StateName = "cohort";

    private ICohortGrain Cohort(string id) => fixture.Grains.GetGrain<ICohortGrain>(id);

    private async Task<SyntheticCalcuttaSnapshot> MemberAsync(string id)
    {
        var existing = await fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(id).GetAsync();
        return existing ?? AssertOk(await fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(id).CreateAsync(Empty(name: id)));
    }

    [Fact]
    public async Task Create_stores_the_cohort_and_a_repeat_is_a_no_op_while_another_definition_conflicts()
    {
        const string Id = "cohort-test-create";
        var a = await MemberAsync("sc-test-cohort-create-a");
        var b = await MemberAsync("sc-test-cohort-create-b");
        string[] members = [a.SyntheticCalcuttaId, b.SyntheticCalcuttaId];

        var created = AssertOk(await Cohort(Id).CreateAsync("Cohort A", members, Settings));
        Assert.Equal(Id, created.CohortId);
        Assert.Equal("Cohort A", created.Name);
        Assert.Equal(members, created.Members);
        Assert.Equal(Settings, created.Settings);
        Assert.Empty(created.Simulations);
        Assert.Equal(1, fixture.Storage.WritesOf(StateName, Id));
        Assert.Contains(Id, (await fixture.Grains.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync()).CohortIds);

        AssertOk(await Cohort(Id).CreateAsync("Cohort A", [.. members], Settings with { }));
        AssertConflict(await Cohort(Id).CreateAsync("Cohort B", members, Settings));
        AssertConflict(await Cohort(Id).CreateAsync("Cohort A", [a.SyntheticCalcuttaId], Settings));
        AssertConflict(await Cohort(Id).CreateAsync("Cohort A", members, Settings with { Seed = 8 }));
        AssertConflict(await Cohort(Id).CreateAsync("Cohort A", members, Settings with { Sigma = 11 }));

        Assert.Equal(1, fixture.Storage.WritesOf(StateName, Id));
        var stored = await Cohort(Id).GetAsync();
        Assert.NotNull(stored);
        Assert.Equal("Cohort A", stored.Name);
        Assert.Equal(members, stored.Members);
        Assert.Equal(Settings, stored.Settings);
    }

    [Fact]
    public async Task Members_must_exist_and_be_listed_once()
    {
        var member = await MemberAsync("sc-test-cohort-members");

        await AssertInvalidAsync("cohort-test-members-missing", [member.SyntheticCalcuttaId, "sc-test-cohort-no-such"], Settings, "members");
        await AssertInvalidAsync("cohort-test-members-none", [], Settings, "members");
        await AssertInvalidAsync("cohort-test-members-twice", [member.SyntheticCalcuttaId, member.SyntheticCalcuttaId], Settings, "members");
        Assert.Null(await fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>("sc-test-cohort-no-such").GetAsync());
    }

    [Theory]
    [InlineData("settings.nSims", 0L, 7L, "post_first_four", "member", 10.0)]
    [InlineData("settings.nSims", SimulationParams.MaxSimulations + 1, 7L, "post_first_four", "member", 10.0)]
    [InlineData("settings.seed", 1000L, -1L, "post_first_four", "member", 10.0)]
    [InlineData("settings.startingState", 1000L, 7L, "", "member", 10.0)]
    [InlineData("settings.startingState", 1000L, 7L, "through_round:8", "member", 10.0)]
    [InlineData("settings.startingState", 1000L, 7L, "halftime", "member", 10.0)]
    [InlineData("settings.excludedEntryPolicy", 1000L, 7L, "post_first_four", "all", 10.0)]
    [InlineData("settings.excludedEntryPolicy", 1000L, 7L, "post_first_four", "Member", 10.0)]
    [InlineData("settings.sigma", 1000L, 7L, "post_first_four", "member", 0.0)]
    [InlineData("settings.sigma", 1000L, 7L, "post_first_four", "member", -1.0)]
    [InlineData("settings.sigma", 1000L, 7L, "post_first_four", "member", double.NaN)]
    [InlineData("settings.sigma", 1000L, 7L, "post_first_four", "member", double.PositiveInfinity)]
    public async Task Invalid_settings_store_nothing(string field, long nSims, long seed, string startingState, string policy, double sigma)
    {
        var member = await MemberAsync("sc-test-cohort-settings");
        var id = $"cohort-test-settings-{Guid.NewGuid():N}";
        await AssertInvalidAsync(id, [member.SyntheticCalcuttaId], new CohortSettings(nSims, seed, startingState, policy, sigma), field);
    }

    [Theory]
    [InlineData(1L, 0L, "pre_tournament", "none", 0.5)]
    [InlineData(SimulationParams.MaxSimulations, long.MaxValue, "through_round:7", "member", 25.0)]
    [InlineData(5000L, 42L, "through_round:1", "none", 10.0)]
    public async Task Settings_at_the_edges_are_valid(long nSims, long seed, string startingState, string policy, double sigma)
    {
        var member = await MemberAsync("sc-test-cohort-settings-edges");
        var id = $"cohort-test-edges-{Guid.NewGuid():N}";
        var settings = new CohortSettings(nSims, seed, startingState, policy, sigma);
        Assert.Equal(settings, AssertOk(await Cohort(id).CreateAsync("Edges", [member.SyntheticCalcuttaId], settings)).Settings);
    }

    [Fact]
    public async Task Recording_the_same_runs_twice_records_once_and_other_runs_append()
    {
        const string Id = "cohort-test-record";
        var member = await MemberAsync("sc-test-cohort-record");
        AssertOk(await Cohort(Id).CreateAsync("Recorded", [member.SyntheticCalcuttaId], Settings));
        CohortMemberRun[] first = [new(member.SyntheticCalcuttaId, member.Digest, "run-test-cohort-record-1")];
        CohortMemberRun[] second = [new(member.SyntheticCalcuttaId, member.Digest, "run-test-cohort-record-2")];

        var once = AssertOk(await Cohort(Id).RecordSimulationAsync(first));
        var simulation = Assert.Single(once.Simulations);
        Assert.Equal(1, simulation.Sequence);
        Assert.StartsWith("csim-", simulation.SimulationId, StringComparison.Ordinal);
        Assert.Equal(first, simulation.Runs);

        var again = AssertOk(await Cohort(Id).RecordSimulationAsync([.. first]));
        Assert.Equal(simulation.SimulationId, Assert.Single(again.Simulations).SimulationId);
        Assert.Equal(2, fixture.Storage.WritesOf(StateName, Id));

        var twice = AssertOk(await Cohort(Id).RecordSimulationAsync(second));
        Assert.Equal([1, 2], twice.Simulations.Select(s => s.Sequence));
        Assert.Equal(simulation.SimulationId, twice.Simulations[0].SimulationId);
        Assert.NotEqual(simulation.SimulationId, twice.Simulations[1].SimulationId);
        Assert.Equal(second, twice.Simulations[1].Runs);

        AssertOk(await Cohort(Id).RecordSimulationAsync(first));
        AssertOk(await Cohort(Id).RecordSimulationAsync(second));
        Assert.Equal(3, fixture.Storage.WritesOf(StateName, Id));
        var stored = await Cohort(Id).GetAsync();
        Assert.NotNull(stored);
        Assert.Equal(twice.Simulations.Select(s => s.SimulationId), stored.Simulations.Select(s => s.SimulationId));
    }

    [Fact]
    public async Task Recording_runs_that_are_not_one_per_member_is_invalid_and_writes_nothing()
    {
        const string Id = "cohort-test-record-members";
        var member = await MemberAsync("sc-test-cohort-record-members");
        AssertOk(await Cohort(Id).CreateAsync("Members", [member.SyntheticCalcuttaId], Settings));
        var writes = fixture.Storage.WritesOf(StateName, Id);

        AssertRejected(await Cohort(Id).RecordSimulationAsync([]), CommandOutcome.Invalid, "runs");
        AssertRejected(await Cohort(Id).RecordSimulationAsync([new("sc-test-not-a-member", member.Digest, "run-test-x")]), CommandOutcome.Invalid, "runs");
        AssertRejected(await Cohort(Id).RecordSimulationAsync(
            [new(member.SyntheticCalcuttaId, member.Digest, "run-test-a"), new(member.SyntheticCalcuttaId, member.Digest, "run-test-b")]),
            CommandOutcome.Invalid, "runs");

        Assert.Equal(writes, fixture.Storage.WritesOf(StateName, Id));
        Assert.Empty((await Cohort(Id).GetAsync())!.Simulations);
    }

    [Fact]
    public async Task Recording_for_a_missing_cohort_is_not_found_and_writes_nothing()
    {
        const string Id = "cohort-test-record-missing";
        AssertRejected(await Cohort(Id).RecordSimulationAsync([new("sc-test-x", "sha256:00", "run-test-x")]), CommandOutcome.NotFound, "cohortId");
        Assert.Null(await Cohort(Id).GetAsync());
        Assert.Equal(0, fixture.Storage.WritesOf(StateName, Id));
    }

    private async Task AssertInvalidAsync(string id, IReadOnlyList<string> members, CohortSettings settings, string field)
    {
        var result = await Cohort(id).CreateAsync("Invalid", members, settings);
        AssertRejected(result, CommandOutcome.Invalid, field);
        Assert.Null(await Cohort(id).GetAsync());
        Assert.Equal(0, fixture.Storage.WritesOf(StateName, id));
    }
}
