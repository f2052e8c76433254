using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Engine.Tests.Optimizer;

public class DpOptimizerRealPoolTests
{
    private static readonly OptimizerBounds PoolBounds = new(Budget: 100, MinTeams: 3, MaxTeams: 10, MinBid: 1, MaxBid: 50);

    /// <summary>A 68-team field: a few strong favorites, a long tail, markets roughly tracking value.</summary>
    private static OptimizerTeam[] RealisticPool(int seed = 2025)
    {
        var random = new Random(seed);
        var teams = new OptimizerTeam[68];
        for (var i = 0; i < teams.Length; i++)
        {
            var strength = Math.Pow(random.NextDouble(), 3);
            var expected = 2 + 300 * strength;
            var market = random.Next(10) == 0 ? 0.0 : expected * (0.3 + 1.4 * random.NextDouble());
            teams[i] = new OptimizerTeam($"team-{random.Next(1000):D3}-{i:D2}", expected, market);
        }

        return teams;
    }

    [Fact]
    public void Real_pool_allocation_respects_the_bounds()
    {
        var teams = RealisticPool();

        var result = DpOptimizer.Optimize(teams, PoolBounds);

        Assert.NotNull(result);
        Assert.InRange(result.Bids.Count, 3, 10);
        Assert.All(result.Bids, b => Assert.InRange(b.Bid, 1, 50));
        Assert.InRange(result.Spend, 1, 100);
        OptimizerAssert.Consistent(teams, PoolBounds, result);
    }

    [Fact]
    public void Real_pool_allocation_does_not_depend_on_input_order()
    {
        var teams = RealisticPool();
        var expected = DpOptimizer.Optimize(teams, PoolBounds);

        var random = new Random(7);
        OptimizerTeam[][] orders = [teams.Reverse().ToArray(), teams.OrderBy(_ => random.Next()).ToArray()];
        foreach (var order in orders)
        {
            var actual = DpOptimizer.Optimize(order, PoolBounds);
            Assert.NotNull(actual);
            Assert.Equal(expected!.Bids, actual.Bids);
            Assert.Equal(expected.Objective, actual.Objective);
            Assert.Equal(expected.Spend, actual.Spend);
        }
    }

    [Fact]
    public void Real_pool_allocation_cannot_be_improved_by_moving_one_unit()
    {
        var teams = RealisticPool(11);
        var result = DpOptimizer.Optimize(teams, PoolBounds);
        Assert.NotNull(result);

        var bids = teams.ToDictionary(t => t.TeamId, _ => 0, StringComparer.Ordinal);
        foreach (var bid in result.Bids)
        {
            bids[bid.TeamId] = bid.Bid;
        }

        double Value(OptimizerTeam team, int bid) => bid == 0 ? 0 : BruteForceOptimizer.Captured(team, bid);
        bool Allowed(int bid) => bid == 0 || (bid >= PoolBounds.MinBid && bid <= PoolBounds.MaxBid);

        var checkedMoves = 0;
        foreach (var from in teams)
        {
            foreach (var to in teams)
            {
                var fromBid = bids[from.TeamId];
                var toBid = bids[to.TeamId];
                if (from == to || fromBid == 0 || !Allowed(fromBid - 1) || !Allowed(toBid + 1))
                {
                    continue;
                }

                var count = result.Bids.Count - (fromBid == 1 ? 1 : 0) + (toBid == 0 ? 1 : 0);
                if (count < PoolBounds.MinTeams || count > PoolBounds.MaxTeams)
                {
                    continue;
                }

                var delta = Value(from, fromBid - 1) - Value(from, fromBid) + Value(to, toBid + 1) - Value(to, toBid);
                Assert.True(delta <= 1e-9, $"moving a unit from {from.TeamId} to {to.TeamId} gains {delta}");
                checkedMoves++;
            }
        }

        Assert.True(checkedMoves > 0);
    }
}
