using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>The integer fitting both samplers share, on cases worked out by hand.</summary>
public sealed class RuleFittingTests
{
    private static readonly OptimizerBounds HouseRules = new(Budget: 100, MinTeams: 3, MaxTeams: 10, MinBid: 1, MaxBid: 50);

    [Fact]
    public void Amounts_that_obey_the_rules_come_back_unchanged()
    {
        var fitted = RuleFitting.Fit([35, 20, 10, 10, 5, 5, 5, 5, 5], HouseRules, int.MaxValue);

        Assert.Equal([35, 20, 10, 10, 5, 5, 5, 5, 5], fitted.Select(b => b.Amount));
        Assert.Equal(Enumerable.Range(0, 9), fitted.Select(b => b.Source));
    }

    [Fact]
    public void Too_few_teams_get_a_MinBid_bid_and_the_spend_is_kept()
    {
        // k = 3; spend 80; 79 shared 50 : 30 → 49.375 and 29.625, floored to 49 + 29 + 1 = 79; the point left goes
        // to the larger remainder (0.625).
        var fitted = RuleFitting.Fit([50, 30], HouseRules, int.MaxValue);

        Assert.Equal([(0, 49), (1, 30), (-1, 1)], fitted.Select(b => (b.Source, b.Amount)));
    }

    [Fact]
    public void A_team_cap_drops_the_smallest_bids_but_keeps_their_money()
    {
        // Cap 3: keep 40, 30, 20 (90 of the 100) and share 100 → 44.4, 33.3, 22.2 → 44 + 33 + 22 = 99; +1 to 0.4.
        var fitted = RuleFitting.Fit([20, 40, 30, 10], HouseRules, teamCap: 3);

        Assert.Equal([(1, 45), (2, 33), (0, 22)], fitted.Select(b => (b.Source, b.Amount)));
    }

    [Fact]
    public void Rules_that_cannot_hold_MinTeams_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RuleFitting.Fit([50, 50], HouseRules, teamCap: 2));
        Assert.Throws<ArgumentException>(() => RuleFitting.Fit([50, 50], HouseRules with { Budget = 2 }, int.MaxValue));
    }
}
