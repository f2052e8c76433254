using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Engine.Tests.Optimizer;

internal static class OptimizerAssert
{
    /// <summary>Teams named a, b, c, … in order, one per (E, M) pair.</summary>
    public static OptimizerTeam[] Teams(params (double E, double M)[] values) =>
        values.Select((v, i) => new OptimizerTeam(((char)('a' + i)).ToString(), v.E, v.M)).ToArray();

    /// <summary>The reference facts' defaults: teams 0..#teams and bids 1..Budget unless given.</summary>
    public static OptimizerBounds Bounds(
        int teamCount, int budget, int? minTeams = null, int? maxTeams = null, int? minBid = null, int? maxBid = null) =>
        new(budget, minTeams ?? 0, maxTeams ?? teamCount, minBid ?? 1, maxBid ?? budget);

    public static string Describe(Allocation? allocation) =>
        allocation is null
            ? "null"
            : $"[{string.Join(", ", allocation.Bids.Select(b => $"{b.TeamId}={b.Bid}"))}] spend {allocation.Spend} objective {allocation.Objective:R}";

    public static void SameAllocation(Allocation? expected, Allocation? actual, string context = "")
    {
        var message = $"{context} expected {Describe(expected)}, got {Describe(actual)}";
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, message);
            return;
        }

        Assert.True(
            expected.Bids.Select(b => (b.TeamId, b.Bid)).SequenceEqual(actual.Bids.Select(b => (b.TeamId, b.Bid))),
            message);
        Assert.True(expected.Spend == actual.Spend, message);
        Assert.True(Math.Abs(expected.Objective - actual.Objective) <= 1e-9, message);
    }

    /// <summary>Bounds respected, bids ordered and nonzero, and the totals consistent with the bids.</summary>
    public static void Consistent(IReadOnlyList<OptimizerTeam> teams, OptimizerBounds bounds, Allocation allocation)
    {
        var byId = teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        Assert.InRange(allocation.Bids.Count, bounds.MinTeams, bounds.MaxTeams);
        Assert.True(allocation.Spend <= bounds.Budget, $"spend {allocation.Spend} over budget {bounds.Budget}");
        Assert.Equal(allocation.Bids.Sum(b => b.Bid), allocation.Spend);
        for (var i = 0; i < allocation.Bids.Count; i++)
        {
            var bid = allocation.Bids[i];
            Assert.InRange(bid.Bid, bounds.MinBid, bounds.MaxBid);
            Assert.Equal(BruteForceOptimizer.Captured(byId[bid.TeamId], bid.Bid), bid.CapturedPoints, 12);
            if (i > 0)
            {
                Assert.True(string.CompareOrdinal(allocation.Bids[i - 1].TeamId, bid.TeamId) < 0, "bids not in id order");
            }
        }

        Assert.Equal(allocation.Bids.Sum(b => b.CapturedPoints), allocation.Objective, 9);
    }
}
