using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// <c>history_resampled</c>'s mapping on a hand-made pair of tournaments, every expected value worked out by hand.
/// </summary>
/// <remarks>
/// Source lines (KenPom net): seed 1: a1 30, a3 28, a2 25, a4 unrated ⇒ ranks a1 0, a3 1, a2 2, a4 3 (unrated last).
/// Seed 11 has six teams (First Four): s2 12, s4 11, s1 10, s5 9, s3 8, s6 7 ⇒ ranks 0..5 in that order.
/// Target lines: seed 1: b2 24, b3 22, b4 21, b1 20 ⇒ ranks 0..3. Seed 11 has four: c2 6, c4 6 (tie: id order), c1 5,
/// c3 4 ⇒ c2 0, c4 1, c1 2, c3 3. Seed 1 maps rank to rank (4 → 4). Seed 11 maps rank r of 6 to ⌊(2r + 1)·4 / 12⌋:
/// 0 → 0 (c2), 1 → 1 (c4), 2 → 1 (c4), 3 → 2 (c1), 4 → 3 (c3), 5 → 3 (c3).
/// </remarks>
public sealed class HistoryResampledMappingTests
{
    private static readonly OptimizerBounds HouseRules = new(Budget: 100, MinTeams: 3, MaxTeams: 10, MinBid: 1, MaxBid: 50);

    [Fact]
    public void Ranks_map_to_the_midpoint_of_their_share_of_the_line()
    {
        Assert.Equal([0, 1, 1, 2, 3, 3], Enumerable.Range(0, 6).Select(r => SeedLines.MapRank(r, 6, 4)));
        Assert.Equal([0, 2, 3, 5], Enumerable.Range(0, 4).Select(r => SeedLines.MapRank(r, 4, 6)));
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(r => SeedLines.MapRank(r, 4, 4)));
    }

    [Fact]
    public void Entries_land_on_the_same_place_of_this_years_seed_line()
    {
        var mapped = Mapped(HouseRules);

        // P1: a3 (1, rank 1) → b3; s4 (11, rank 1) → c4; s6 (11, rank 5) → c3; a4 (1, rank 3) → b1. Amounts unchanged.
        Assert.Equal("b1:15,b3:40,c3:20,c4:25", mapped[0]);

        // P2: a1 (rank 0) → b2; s4 (rank 1) and s1 (rank 2) both → c4, so 10 + 15 = 25 on c4; s5 (rank 3) → c1.
        Assert.Equal("b2:50,c1:25,c4:25", mapped[1]);

        // P3 has two teams, under MinTeams 3: a2 (rank 2) → b4, s3 (rank 4) → c3, and one MinBid bid on the best-rated
        // team it does not hold (b2). Spend stays 80: 79 points shared 50 : 30 gives 49.375 and 29.625, floored to 49
        // and 29; the last point goes to the larger remainder (c3).
        Assert.Equal("b2:1,b4:49,c3:30", mapped[2]);
    }

    [Fact]
    public void Entries_are_rescaled_to_the_budget_and_clamped_to_the_rules()
    {
        // Budget 200, exactly 3 teams, bids ≤ 70. P1 doubles to b3 80, c4 50, c3 40, b1 30; the smallest (b1) is dropped,
        // its money kept, so 200 is shared 80 : 50 : 40 (targets 94.1, 58.8, 47.1). b3 clamps to 70; the other 130 points
        // go to c4 and c3 alike above their targets, which takes c4 to its 70 cap first and leaves c3 60.
        var mapped = Mapped(new OptimizerBounds(Budget: 200, MinTeams: 3, MaxTeams: 3, MinBid: 1, MaxBid: 70));

        Assert.Equal("b3:70,c3:60,c4:70", mapped[0]);
    }

    [Fact]
    public void The_fit_records_the_source_places()
    {
        var parameters = HistoryResampledFit.Fit([SourcePool()], new FieldTarget("calcutta-target", "ncaa-target"));

        Assert.Equal(["calcutta-source"], parameters.FittedOnPoolIds);
        Assert.Equal(
            [new SeedLineBid(1, 1, 4, 40), new SeedLineBid(1, 3, 4, 15), new SeedLineBid(11, 1, 6, 25), new SeedLineBid(11, 5, 6, 20)],
            parameters.Entries[0].Bids);
    }

    private static List<string> Mapped(OptimizerBounds rules)
    {
        var parameters = HistoryResampledFit.Fit([SourcePool()], new FieldTarget("calcutta-target", "ncaa-target"));
        var field = new HistoryResampledField(parameters, TargetTournament(), rules);
        return field.MappedEntries.Select(e => string.Join(",", e.Select(b => $"{b.TeamId}:{b.BidPoints}"))).ToList();
    }

    private static FieldTrainingPool SourcePool()
    {
        var tournament = Tournament(
            "ncaa-source",
            ("a1", 1, 30), ("a2", 1, 25), ("a3", 1, 28), ("a4", 1, null),
            ("s1", 11, 10), ("s2", 11, 12), ("s3", 11, 8), ("s4", 11, 11), ("s5", 11, 9), ("s6", 11, 7));
        var entries = new[]
        {
            Entry("P1", ("a3", 40), ("s4", 25), ("s6", 20), ("a4", 15)),
            Entry("P2", ("s4", 10), ("s1", 15), ("a1", 50), ("s5", 25)),
            Entry("P3", ("a2", 50), ("s3", 30)),
        };
        return new FieldTrainingPool(tournament, new PoolBids("calcutta-source", entries), HouseRules);
    }

    private static BracketTournament TargetTournament() => Tournament(
        "ncaa-target", ("b1", 1, 20), ("b2", 1, 24), ("b3", 1, 22), ("b4", 1, 21), ("c1", 11, 5), ("c2", 11, 6), ("c3", 11, 4), ("c4", 11, 6));

    private static BracketTournament Tournament(string id, params (string Id, int Seed, double? Net)[] teams) =>
        new(id, ["East"], new FinalFourRegions("East", "East", "East", "East"),
            teams.Select(t => new BracketTeam(t.Id, t.Seed, "East", IsFirstFour: false, Byes: 1, Progress: 1, t.Net)).ToList());

    private static PoolEntrant Entry(string key, params (string Team, int Points)[] bids) =>
        new(key, bids.Select(b => new EntrantBid(b.Team, b.Points)).ToList());
}
