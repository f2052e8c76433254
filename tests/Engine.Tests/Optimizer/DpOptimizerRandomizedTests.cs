using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Engine.Tests.Optimizer;

public class DpOptimizerRandomizedTests
{
    private const int CasesPerSeed = 50;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Matches_brute_force_on_small_random_pools(int seed)
    {
        var random = new Random(seed);
        var allocations = 0;
        for (var c = 0; c < CasesPerSeed; c++)
        {
            var (teams, bounds) = RandomCase(random);
            var context = $"seed {seed} case {c} ({bounds}):";

            var result = DpOptimizer.Optimize(teams, bounds);
            OptimizerAssert.SameAllocation(BruteForceOptimizer.Optimize(teams, bounds), result, context);
            if (result is not null)
            {
                OptimizerAssert.Consistent(teams, bounds, result);
                allocations++;
            }

            var shuffled = teams.OrderBy(_ => random.Next()).ToArray();
            OptimizerAssert.SameAllocation(result, DpOptimizer.Optimize(shuffled, bounds), context + " shuffled");
        }

        // The generator must exercise real allocations, not just infeasible bounds.
        Assert.True(allocations >= CasesPerSeed / 2, $"only {allocations} feasible cases");
    }

    private static (OptimizerTeam[] Teams, OptimizerBounds Bounds) RandomCase(Random random)
    {
        var n = random.Next(1, 6);
        var teams = new OptimizerTeam[n];
        for (var i = 0; i < n; i++)
        {
            // Small integers make exact ties (equal teams, zero values, empty markets) common.
            var expected = random.Next(3) == 0 ? random.Next(0, 4) * 5.0 : random.NextDouble() * 200;
            var market = random.Next(4) switch
            {
                0 => 0.0,
                1 => random.Next(1, 4) * 0.5,
                _ => random.NextDouble() * 60,
            };
            // Ids in a scrambled order so the optimizer must sort them itself.
            teams[i] = new OptimizerTeam($"t{random.Next(100):D2}-{i}", expected, market);
        }

        var budget = random.Next(0, 13);
        var minBid = random.Next(1, 5);
        var maxBid = minBid + random.Next(0, 9);
        var minTeams = random.Next(0, Math.Min(n, 3) + 1);
        var maxTeams = minTeams + random.Next(0, n + 1);
        return (teams, new OptimizerBounds(budget, minTeams, maxTeams, minBid, maxBid));
    }
}
