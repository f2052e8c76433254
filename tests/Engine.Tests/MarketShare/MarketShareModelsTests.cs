using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.MarketShare;
using static LabSandbox.Engine.Tests.MarketShare.MarketShareFixtures;

namespace LabSandbox.Engine.Tests.MarketShare;

public sealed class MarketShareModelsTests
{
    // Three entries over teams a..d: a = 60 + 30 = 90, b = 40 + 10 = 50, c = 60 (only P3), d nobody; total 200.
    private static readonly BracketTournament Field =
        Tournament(Team("d"), Team("b"), Team("a"), Team("c"));

    private static readonly PoolBids ThreeEntries = Pool(
        Entry("P1", ("a", 60), ("b", 40)),
        Entry("P2", ("a", 30), ("b", 10)),
        Entry("P3", ("c", 60)));

    [Fact]
    public void Actual_shares_are_bid_points_over_all_bid_points()
    {
        var shares = MarketShareModels.ActualShares(Field, ThreeEntries, excludedEntryKey: null);

        AssertValid(shares, Field);
        Assert.Equal(["a", "b", "c", "d"], shares.Teams.Select(t => t.TeamId));
        Assert.Equal(90.0 / 200, ShareOf(shares, "a"), 15);
        Assert.Equal(50.0 / 200, ShareOf(shares, "b"), 15);
        Assert.Equal(60.0 / 200, ShareOf(shares, "c"), 15);
        Assert.Equal(0.0, ShareOf(shares, "d"));
    }

    [Fact]
    public void The_excluded_entry_is_left_out()
    {
        // Without P3: a = 90, b = 50 of 140; c drops to 0 since only P3 bid on it.
        var shares = MarketShareModels.ActualShares(Field, ThreeEntries, "P3");

        AssertValid(shares, Field);
        Assert.Equal(90.0 / 140, ShareOf(shares, "a"), 15);
        Assert.Equal(50.0 / 140, ShareOf(shares, "b"), 15);
        Assert.Equal(0.0, ShareOf(shares, "c"));
        Assert.Equal(0.0, ShareOf(shares, "d"));
    }

    [Fact]
    public void An_unknown_excluded_entry_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => MarketShareModels.ActualShares(Field, ThreeEntries, "P9"));
        Assert.Contains("'P9' is not an entry", error.Message);
    }

    [Fact]
    public void A_pool_with_no_bids_left_is_rejected()
    {
        var onlyOne = Pool(Entry("P1", ("a", 100)));
        var error = Assert.Throws<ArgumentException>(() => MarketShareModels.ActualShares(Field, onlyOne, "P1"));
        Assert.Contains("no bid points", error.Message);
    }

    [Fact]
    public void A_bid_on_a_team_outside_the_tournament_is_rejected()
    {
        var stray = Pool(Entry("P1", ("a", 50), ("zz", 50)));
        var error = Assert.Throws<ArgumentException>(() => MarketShareModels.ActualShares(Field, stray, null));
        Assert.Contains("'zz', which is not a team", error.Message);
    }

    [Fact]
    public void Naive_ev_shares_are_proportional_to_expected_points()
    {
        var expected = new Dictionary<string, double> { ["c"] = 50, ["a"] = 300, ["b"] = 150, ["d"] = 0 };

        var shares = MarketShareModels.NaiveEvShares(expected);

        Assert.Equal(["a", "b", "c", "d"], shares.Teams.Select(t => t.TeamId));
        Assert.Equal(0.6, ShareOf(shares, "a"), 15);
        Assert.Equal(0.3, ShareOf(shares, "b"), 15);
        Assert.Equal(0.1, ShareOf(shares, "c"), 15);
        Assert.Equal(0.0, ShareOf(shares, "d"));
        Assert.Equal(1.0, shares.Teams.Sum(t => t.Share), 1e-12);
    }

    public static TheoryData<double> InvalidExpectedPoints() => new() { -1.0, double.NaN, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(InvalidExpectedPoints))]
    public void Naive_ev_rejects_negative_or_non_finite_points(double bad)
    {
        var expected = new Dictionary<string, double> { ["a"] = 10, ["b"] = bad };
        Assert.Throws<ArgumentException>(() => MarketShareModels.NaiveEvShares(expected));
    }

    [Fact]
    public void Naive_ev_rejects_all_zero_points()
    {
        var expected = new Dictionary<string, double> { ["a"] = 0, ["b"] = 0 };
        var error = Assert.Throws<ArgumentException>(() => MarketShareModels.NaiveEvShares(expected));
        Assert.Contains("0 expected points", error.Message);
    }

    [Fact]
    public void Mean_absolute_error_averages_over_teams()
    {
        var predicted = Shares(("a", 0.5), ("b", 0.3), ("c", 0.2), ("d", 0.0));
        var actual = Shares(("d", 0.1), ("c", 0.3), ("b", 0.2), ("a", 0.4));

        // |0.5 − 0.4| + |0.3 − 0.2| + |0.2 − 0.3| + |0 − 0.1| = 0.4, over 4 teams.
        Assert.Equal(0.1, MarketShareModels.MeanAbsoluteError(predicted, actual), 15);
        Assert.Equal(0.0, MarketShareModels.MeanAbsoluteError(actual, actual));
    }

    [Fact]
    public void Mean_absolute_error_needs_the_same_teams()
    {
        var predicted = Shares(("a", 0.5), ("b", 0.5));
        Assert.Throws<ArgumentException>(() => MarketShareModels.MeanAbsoluteError(predicted, Shares(("a", 0.5), ("c", 0.5))));
        Assert.Throws<ArgumentException>(() => MarketShareModels.MeanAbsoluteError(predicted, Shares(("a", 1.0))));
    }

    [Fact]
    public void Market_points_are_share_times_budget_times_field()
    {
        var points = MarketShareModels.MarketPoints(Shares(("a", 0.25), ("b", 0.75), ("c", 0.0)), budgetPoints: 100, fieldEntries: 46);

        // A field of 46 entries of 100 points holds 4600 points.
        Assert.Equal(1150.0, points["a"], 12);
        Assert.Equal(3450.0, points["b"], 12);
        Assert.Equal(0.0, points["c"]);
        Assert.Equal(3, points.Count);
    }

    [Fact]
    public void Market_points_reject_negative_sizes()
    {
        var shares = Shares(("a", 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketShareModels.MarketPoints(shares, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketShareModels.MarketPoints(shares, 100, -1));
    }

    [Fact]
    public void Market_points_spread_the_whole_field_budget()
    {
        // Without P3 the field is 2 entries of 100 points; a holds 90 of the 140 points actually bid, so 90/140 of 200.
        var shares = MarketShareModels.ActualShares(Field, ThreeEntries, "P3");
        var points = MarketShareModels.MarketPoints(shares, 100, fieldEntries: 2);

        Assert.Equal(128.571428571428, points["a"], 9);
        Assert.Equal(200.0, points.Values.Sum(), 9);
    }
}
