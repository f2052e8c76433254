using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// The independent check of issue 17: a 2025 <c>market_sampled</c> simulation's per-entry metrics, reproduced bit for
/// bit by the plainest possible re-implementation — per simulation: draw its field, compile the pool, play that one
/// simulation with a fresh kernel, and add up each entry's payout, positions and points by entry key.
/// </summary>
public sealed class FieldedIndependentCheckTests
{
    private const long Seed = 31;
    private const int Simulations = 4_500; // fields 0..4, the last one partly

    [Fact]
    public void A_market_sampled_simulations_per_entry_metrics_equal_a_plain_reimplementation()
    {
        var simulation = FieldedData.Simulation(FieldedData.MarketSource(Seed));
        var totals = simulation.CreateAccumulator();
        simulation.Run(Seed, 0, Simulations, totals);
        var metrics = SimulationMetrics.From(totals, simulation.Shape);

        var plain = new Dictionary<string, PlainTotals>(StringComparer.Ordinal);
        for (long i = 0; i < Simulations; i++)
        {
            var field = FieldedData.Market.Draw(FieldedData.Opponents, Seed, fieldIndex: i / 1_000);
            var pool = PoolModel.Create(
                FieldedData.Tournament.Bracket, [.. field, FieldedData.Seat], FieldedData.Pool.ScoringRules, FieldedData.Pool.Payouts);
            var kernel = new SimulationKernel(FieldedData.Tournament, pool);
            var one = kernel.CreateAccumulator();
            kernel.Run((ulong)Seed, i, 1, one);
            for (var e = 0; e < pool.EntryCount; e++)
            {
                var sums = plain.TryGetValue(pool.EntryKeys[e], out var found) ? found : plain[pool.EntryKeys[e]] = new PlainTotals();
                sums.Payout += one.PayoutCents[e];
                sums.InTheMoney += one.InTheMoney[e];
                sums.Points += one.PointsSum[e];
                sums.PointsSquares += one.PointsSquaresSum[e];
                for (var p = 0; p < PoolModel.CountedPositions; p++)
                {
                    sums.Positions[p] += one.PositionCounts[(e * PoolModel.CountedPositions) + p];
                }
            }
        }

        Assert.Equal(plain.Keys.Order(StringComparer.Ordinal), metrics.Entries.Select(m => m.EntryKey).Order(StringComparer.Ordinal));
        foreach (var m in metrics.Entries)
        {
            var sums = plain[m.EntryKey];
            var mean = sums.Points / SimulationAccumulator.PointsScale / Simulations;
            var meanSquare = (double)sums.PointsSquares / (SimulationAccumulator.PointsScale * SimulationAccumulator.PointsScale) / Simulations;
            Assert.Equal(sums.Payout, m.PayoutCentsTotal);
            Assert.Equal((double)sums.Payout / Simulations, m.ExpectedPayoutCents);
            Assert.Equal((double)sums.InTheMoney / Simulations, m.PInTheMoney);
            Assert.Equal((double)sums.Positions[0] / Simulations, m.PFirst);
            Assert.Equal((double)sums.Positions.Take(3).Sum() / Simulations, m.PTop3);
            Assert.Equal(sums.Positions, m.PositionCounts);
            Assert.Equal(mean, m.MeanPoints);
            Assert.Equal(Math.Sqrt(Math.Max(0, meanSquare - (mean * mean))), m.StdDevPoints);
        }

        // Not vacuous: the seat and some modeled opponents are paid, and the prize money adds up per simulation.
        Assert.True(plain[FieldedData.Seat.EntryKey].Payout > 0);
        Assert.True(plain.Count(p => p.Key.StartsWith('M') && p.Value.Payout > 0) > 10);
        Assert.Equal(FieldedData.Pool.Payouts.Sum(p => p.AmountCents) * Simulations, plain.Values.Sum(p => p.Payout));
    }

    private sealed class PlainTotals
    {
        public long Payout { get; set; }

        public long InTheMoney { get; set; }

        public long Points { get; set; }

        public Int128 PointsSquares { get; set; }

        public long[] Positions { get; } = new long[PoolModel.CountedPositions];
    }
}
