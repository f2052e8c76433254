using LabSandbox.Grains.Engine.Optimizer;
using static LabSandbox.Engine.Tests.Optimizer.OptimizerAssert;

namespace LabSandbox.Engine.Tests.Optimizer;

public class DpOptimizerReferenceTests
{
    private static (string TeamId, int Bid)[] BidsOf(Allocation? allocation)
    {
        Assert.NotNull(allocation);
        return allocation.Bids.Select(b => (b.TeamId, b.Bid)).ToArray();
    }

    [Fact]
    public void Key_names_the_engine()
    {
        Assert.Equal("dp-v1", DpOptimizer.Key);
    }

    [Fact]
    public void Equal_markets_spend_the_whole_budget_on_two_or_three_teams()
    {
        var teams = Teams((10, 10), (9, 10), (8, 10), (7, 10));
        var bounds = Bounds(4, 10, minTeams: 2, maxTeams: 3, minBid: 1, maxBid: 7);

        var result = DpOptimizer.Optimize(teams, bounds);

        Assert.NotNull(result);
        Assert.Equal(10, result.Spend);
        Assert.InRange(result.Bids.Count, 2, 3);
        Consistent(teams, bounds, result);
        SameAllocation(BruteForceOptimizer.Optimize(teams, bounds), result);
    }

    [Fact]
    public void Max_bid_caps_every_bid_and_the_total()
    {
        var teams = Teams((100, 1), (50, 1), (25, 1));
        var bounds = Bounds(3, 10, minTeams: 1, maxTeams: 3, minBid: 1, maxBid: 3);

        var result = DpOptimizer.Optimize(teams, bounds);

        Assert.NotNull(result);
        Assert.All(result.Bids, b => Assert.True(b.Bid <= 3));
        Assert.Equal(9, result.Spend);
        Assert.Equal(new[] { ("a", 3), ("b", 3), ("c", 3) }, BidsOf(result));
    }

    [Fact]
    public void Fewer_teams_than_min_teams_has_no_allocation()
    {
        var teams = Teams((10, 1));
        Assert.Null(DpOptimizer.Optimize(teams, Bounds(1, 2, minTeams: 3, maxTeams: 3)));
    }

    [Fact]
    public void No_teams_has_no_allocation()
    {
        Assert.Null(DpOptimizer.Optimize([], Bounds(0, 10)));
    }

    [Fact]
    public void Min_teams_times_min_bid_over_budget_has_no_allocation()
    {
        var teams = Teams((10, 1), (10, 1), (10, 1));
        Assert.Null(DpOptimizer.Optimize(teams, Bounds(3, 5, minTeams: 3, maxTeams: 3, minBid: 2, maxBid: 5)));
    }

    [Fact]
    public void Uneven_markets_match_brute_force_in_objective_spend_and_team_count()
    {
        var teams = Teams((10, 1), (9, 2), (8, 3), (7, 4));
        var bounds = Bounds(4, 6, minTeams: 1, maxTeams: 3, minBid: 1, maxBid: 4);

        var result = DpOptimizer.Optimize(teams, bounds);
        var reference = BruteForceOptimizer.Optimize(teams, bounds);

        Assert.NotNull(result);
        Assert.NotNull(reference);
        Assert.Equal(reference.Objective, result.Objective, 9);
        Assert.Equal(reference.Spend, result.Spend);
        Assert.Equal(reference.Bids.Count, result.Bids.Count);
        Consistent(teams, bounds, result);
    }

    [Fact]
    public void One_team_goes_all_in_on_the_larger_prize()
    {
        var teams = Teams((100, 1), (300, 100));
        var result = DpOptimizer.Optimize(teams, Bounds(2, 50, minTeams: 1, maxTeams: 1, maxBid: 50));

        Assert.Equal(new[] { ("b", 50) }, BidsOf(result));
    }

    [Fact]
    public void Spare_unit_goes_to_the_lower_id_of_two_equal_teams()
    {
        var teams = Teams((10, 1), (10, 1), (200, 50));
        var result = DpOptimizer.Optimize(teams, Bounds(3, 10, minTeams: 1, maxTeams: 2));

        Assert.Equal(new[] { ("a", 1), ("c", 9) }, BidsOf(result));
    }

    [Fact]
    public void Longshot_gets_one_unit_and_the_favorite_the_rest()
    {
        OptimizerTeam[] teams = [new("longshot", 20, 0.1), new("favorite", 200, 100)];
        var result = DpOptimizer.Optimize(teams, Bounds(2, 10, minTeams: 2, maxTeams: 2));

        Assert.Equal(new[] { ("favorite", 9), ("longshot", 1) }, BidsOf(result));
    }

    [Fact]
    public void Identical_teams_tie_to_the_lower_id()
    {
        var teams = Teams((10, 5), (10, 5));
        var result = DpOptimizer.Optimize(teams, Bounds(2, 1, minTeams: 1, maxTeams: 1));

        Assert.Equal(new[] { ("a", 1) }, BidsOf(result));
    }

    [Fact]
    public void Worthless_teams_spend_everything_on_one_team_the_lowest_id()
    {
        var teams = Teams((0, 1), (0, 1));
        var result = DpOptimizer.Optimize(teams, Bounds(2, 5, minTeams: 1, maxTeams: 2, minBid: 1, maxBid: 5));

        Assert.Equal(new[] { ("a", 5) }, BidsOf(result));
        Assert.Equal(0.0, result!.Objective);
    }

    [Fact]
    public void Min_bid_leaves_room_for_one_team_only()
    {
        var teams = Teams((100, 10), (5, 1));
        var result = DpOptimizer.Optimize(teams, Bounds(2, 6, minBid: 3, maxBid: 6));

        Assert.Equal(new[] { ("a", 6) }, BidsOf(result));
    }

    [Fact]
    public void Empty_markets_take_everything_with_one_unit_each_and_the_rest_on_the_lower_id()
    {
        var teams = Teams((10, 0), (9, 0));
        var result = DpOptimizer.Optimize(teams, Bounds(2, 10));

        Assert.Equal(new[] { ("a", 9), ("b", 1) }, BidsOf(result));
        Assert.Equal(19.0, result!.Objective, 12);
        Assert.Equal(10, result.Spend);
    }

    [Fact]
    public void Favorite_and_longshots_match_brute_force()
    {
        OptimizerTeam[] teams =
        [
            new("favorite", 200, 100),
            new("longshot1", 10, 0.1),
            new("longshot2", 10, 0.1),
            new("longshot3", 10, 0.1),
            new("longshot4", 10, 0.1),
        ];
        var bounds = Bounds(teams.Length, 10, minTeams: 1, maxTeams: 3);

        var result = DpOptimizer.Optimize(teams, bounds);

        SameAllocation(BruteForceOptimizer.Optimize(teams, bounds), result);
        Assert.Contains(result!.Bids, b => b.TeamId == "favorite" && b.Bid > 0);
        Consistent(teams, bounds, result);
    }

    [Fact]
    public void No_bid_fits_the_budget_gives_the_empty_allocation_when_zero_teams_are_allowed()
    {
        var teams = Teams((10, 1), (5, 1));
        var result = DpOptimizer.Optimize(teams, new OptimizerBounds(2, 0, 2, 3, 5));

        Assert.NotNull(result);
        Assert.Empty(result.Bids);
        Assert.Equal(0, result.Spend);
        Assert.Equal(0.0, result.Objective);
    }

    [Fact]
    public void An_empty_market_captures_exactly_all_expected_points()
    {
        // 0.1 × 3 / 3 is not 0.1 in floating point; with M = 0 the whole of E is captured regardless.
        var result = DpOptimizer.Optimize(Teams((0.1, 0)), Bounds(1, 3, minTeams: 1, maxTeams: 1));

        Assert.NotNull(result);
        Assert.Equal(new[] { ("a", 3) }, BidsOf(result));
        Assert.Equal(0.1, result.Bids[0].CapturedPoints);
        Assert.Equal(0.1, result.Objective);
    }

    [Fact]
    public void Rounding_noise_does_not_break_a_tie()
    {
        // b captures 0.4 × 3 / 6 = 0.20000000000000004: the same objective as a's 0.2, so the lower id wins.
        var teams = Teams((0.2, 0), (0.4, 3));
        var bounds = Bounds(2, 4, minTeams: 1, maxTeams: 1, minBid: 1, maxBid: 3);

        var result = DpOptimizer.Optimize(teams, bounds);

        Assert.Equal(new[] { ("a", 3) }, BidsOf(result));
        SameAllocation(BruteForceOptimizer.Optimize(teams, bounds), result);
    }
}
