using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Tests.Infrastructure;
using static LabSandbox.Grains.Tests.Sandbox.SandboxRecords;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>An empty synthetic calcutta: a tournament, valid rules and payouts; an invalid definition stores nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmptySyntheticCalcuttaTests(ClusterFixture fixture)
{
    private ISyntheticCalcuttaGrain Grain(string id) => fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(id);

    [Fact]
    public async Task An_empty_one_takes_the_given_rules_and_payouts_and_the_house_scoring_by_default()
    {
        const string Id = "sc-test-empty-valid";
        var definition = Empty() with { Payouts = [new(3, 0), new(1, 60_000), new(2, 30_000)] };

        var created = AssertOk(await Grain(Id).CreateAsync(definition));

        Assert.Equal(Tournament2025, created.TournamentId);
        Assert.Null(created.SourceCalcuttaId);
        Assert.Equal(Rules, created.Rules);
        Assert.Equal(ScoringRule.HouseRules, created.ScoringRules);
        Assert.Equal([new Payout(1, 60_000), new Payout(2, 30_000), new Payout(3, 0)], created.Payouts);
        Assert.Empty(created.Entries);
        Assert.Equal(1, created.Version);
        Assert.Equal(1, fixture.Storage.WritesOf("syntheticCalcutta", Id));
        AssertSameContent(created, AssertOk(await Grain(Id).CreateAsync(definition)));
        Assert.Equal(1, fixture.Storage.WritesOf("syntheticCalcutta", Id));
    }

    [Fact]
    public async Task Entries_of_an_empty_one_follow_its_own_rules()
    {
        const string Id = "sc-test-empty-own-rules";
        var rules = new PoolRules(BudgetPoints: 60, MinTeams: 2, MaxTeams: 3, MinBidPoints: 5, MaxBidPoints: 30);
        AssertOk(await Grain(Id).CreateAsync(Empty() with { Rules = rules }));

        var entry = AssertOk(await Grain(Id).PutEntryAsync("two-teams", [new("houston", 30), new("duke", 30)]));
        Assert.Equal(["duke", "houston"], entry.Entries.Single().Bids.Select(b => b.TeamId));
        AssertRejected(await Grain(Id).PutEntryAsync("four-teams", [new("duke", 10), new("houston", 10), new("florida", 10), new("auburn", 10)]),
            CommandOutcome.Invalid, "bids");
        AssertRejected(await Grain(Id).PutEntryAsync("big-bid", [new("duke", 31), new("houston", 5)]), CommandOutcome.Invalid, "bids");
        AssertRejected(await Grain(Id).PutEntryAsync("over-budget", [new("duke", 30), new("houston", 30), new("florida", 5)]),
            CommandOutcome.Invalid, "bids");
        Assert.Equal(2, fixture.Storage.WritesOf("syntheticCalcutta", Id));
    }

    [Fact]
    public async Task Custom_scoring_rules_are_kept_in_win_order()
    {
        const string Id = "sc-test-empty-scoring";
        ScoringRule[] scoring = [new(7, 700), new(1, 0), new(2, 20), new(3, 30), new(4, 40), new(5, 50), new(6, 60)];

        var created = AssertOk(await Grain(Id).CreateAsync(Empty() with { ScoringRules = scoring }));

        Assert.Equal(scoring.OrderBy(r => r.WinIndex), created.ScoringRules);
    }

    [Fact]
    public async Task A_tournament_is_required_and_must_exist()
    {
        await AssertInvalidAsync("sc-test-empty-no-tournament", Empty() with { TournamentId = null }, "tournamentId");
        await AssertInvalidAsync("sc-test-empty-unknown-tournament", Empty() with { TournamentId = "ncaa-1999" }, "tournamentId");
        await AssertInvalidAsync("sc-test-empty-unknown-calcutta", FromCalcutta(calcuttaId: "calcutta-1999"), "calcuttaId");
        await AssertInvalidAsync("sc-test-empty-no-name", Empty(name: " "), "name");
    }

    [Theory]
    [InlineData(null, 3, 10, 1, 50)]
    [InlineData(0, 3, 10, 1, 50)]
    [InlineData(100, 0, 10, 1, 50)]
    [InlineData(100, 11, 10, 1, 50)]
    [InlineData(100, 3, 10, 0, 50)]
    [InlineData(100, 3, 10, 20, 10)]
    [InlineData(100, 4, 10, 30, 50)]
    public async Task Invalid_rules_store_nothing(int? budget, int minTeams, int maxTeams, int minBid, int maxBid)
    {
        var rules = budget is { } b ? new PoolRules(b, minTeams, maxTeams, minBid, maxBid) : null;
        await AssertInvalidAsync($"sc-test-empty-rules-{budget}-{minTeams}-{maxTeams}-{minBid}-{maxBid}", Empty() with { Rules = rules }, "rules");
    }

    [Fact]
    public async Task Payouts_need_unique_positions_from_1_and_non_negative_cents()
    {
        await AssertInvalidAsync("sc-test-empty-payouts-null", Empty() with { Payouts = null }, "payouts");
        await AssertInvalidAsync("sc-test-empty-payouts-none", Empty() with { Payouts = [] }, "payouts");
        await AssertInvalidAsync("sc-test-empty-payouts-zero", Empty() with { Payouts = [new(0, 100)] }, "payouts");
        await AssertInvalidAsync("sc-test-empty-payouts-negative", Empty() with { Payouts = [new(1, -1)] }, "payouts");
        await AssertInvalidAsync("sc-test-empty-payouts-twice", Empty() with { Payouts = [new(1, 100), new(1, 50)] }, "payouts");
    }

    [Fact]
    public async Task Scoring_rules_list_each_win_index_once_with_non_negative_points()
    {
        ScoringRule[] missingSeven = [.. ScoringRule.HouseRules.Take(6)];
        ScoringRule[] negative = [.. ScoringRule.HouseRules.Take(6), new(7, -1)];
        ScoringRule[] twice = [.. ScoringRule.HouseRules, new(7, 300)];
        await AssertInvalidAsync("sc-test-empty-scoring-missing", Empty() with { ScoringRules = missingSeven }, "scoringRules");
        await AssertInvalidAsync("sc-test-empty-scoring-negative", Empty() with { ScoringRules = negative }, "scoringRules");
        await AssertInvalidAsync("sc-test-empty-scoring-twice", Empty() with { ScoringRules = twice }, "scoringRules");
    }

    [Fact]
    public async Task Every_problem_of_a_definition_is_reported_at_once_and_a_valid_create_then_succeeds()
    {
        const string Id = "sc-test-empty-all-problems";
        var result = await Grain(Id).CreateAsync(new SyntheticCalcuttaDefinition("", null, null, null, [], []));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["name", "payouts", "rules", "scoringRules", "tournamentId"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await Grain(Id).GetAsync());

        AssertOk(await Grain(Id).CreateAsync(Empty()));
        Assert.Equal(1, fixture.Storage.WritesOf("syntheticCalcutta", Id));
    }

    private async Task AssertInvalidAsync(string id, SyntheticCalcuttaDefinition definition, string field)
    {
        var result = await Grain(id).CreateAsync(definition);
        AssertRejected(result, CommandOutcome.Invalid, field);
        Assert.Null(result.Snapshot);
        Assert.Null(await Grain(id).GetAsync());
        Assert.Equal(0, fixture.Storage.WritesOf("syntheticCalcutta", id));
        Assert.DoesNotContain(id, (await fixture.Grains.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync()).SyntheticCalcuttaIds);
    }

    [Fact]
    public async Task A_copy_of_a_real_pool_that_also_names_rules_or_a_tournament_is_invalid_and_stores_nothing()
    {
        const string Id = "sc-test-copy-with-extras";
        var grain = fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(Id);
        var result = await grain.CreateAsync(new SyntheticCalcuttaDefinition("Copy", "calcutta-2025", "ncaa-2025",
            new PoolRules(100, 3, 10, 1, 50), null, null));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains("calcuttaId", result.Errors.Keys);
        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, fixture.Storage.WritesOf("syntheticCalcutta", Id));
    }
}
