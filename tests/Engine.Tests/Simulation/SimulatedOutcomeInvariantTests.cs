using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// Simulation by simulation on the real 2025 pool: points follow from the bids, the field is zero-sum,
/// all the prize money is paid out (INV-1), and standings follow the naive restatement of the rules.
/// </summary>
public sealed class SimulatedOutcomeInvariantTests
{
    private const int Simulations = 2_000;

    /// <summary>Each entry's points enter the sums rounded to the nearest 2⁻¹⁶: at most half a unit off.</summary>
    private const double FixedPointError = 0.5 / SimulationAccumulator.PointsScale;

    [Fact]
    public void Every_simulation_is_zero_sum_pays_the_whole_prize_and_follows_the_rules()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PreTournament);
        var pool = SimulationData.Pool(2025);
        var prize = pool.Payouts.Sum(p => p.AmountCents);
        var pointsByProgress = SimulationData.PointsByProgress(pool.ScoringRules);
        var owned = pool.Entries.SelectMany(e => e.Bids).Select(b => b.TeamId).ToHashSet(StringComparer.Ordinal);
        var teamIds = kernel.Tournament.Bracket.TeamIds;
        var payouts = pool.Payouts.OrderBy(p => p.Position).Select(p => p.AmountCents).ToArray();
        var entries = kernel.Pool.EntryCount;
        Assert.Equal(141_000, prize);
        Assert.Equal(10, teamIds.Count(t => !owned.Contains(t)));

        var distinctWinners = new HashSet<int>();
        for (var i = 0; i < Simulations; i++)
        {
            var totals = kernel.CreateAccumulator();
            kernel.Run(424242, i, 1, totals);

            // This simulation's team progress: the one bucket each team has.
            var progress = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var t = 0; t < teamIds.Length; t++)
            {
                var buckets = totals.TeamProgressCounts.AsSpan(t * 8, 8).ToArray();
                Assert.Equal(1, buckets.Sum());
                progress[teamIds[t]] = Array.IndexOf(buckets, 1L);
            }

            // Points straight from the bids, and the zero-sum identity: the entries share exactly the owned teams' points.
            var expected = SimulationData.EntryPoints(pool, id => progress[id]);
            var ownedPoints = teamIds.Where(owned.Contains).Sum(id => pointsByProgress[progress[id]]);
            Assert.Equal(ownedPoints, expected.Sum(), 1e-9);
            var simulated = totals.PointsSum.Select(q => q / SimulationAccumulator.PointsScale).ToArray();
            for (var e = 0; e < entries; e++)
            {
                Assert.True(Math.Abs(expected[e] - simulated[e]) <= FixedPointError, $"simulation {i} entry {e}: {expected[e]} v {simulated[e]}");
            }

            Assert.True(Math.Abs(ownedPoints - simulated.Sum()) <= (entries * FixedPointError) + 1e-9, $"simulation {i}: not zero-sum.");

            // INV-1: the whole prize is paid, in whole cents, every simulation.
            Assert.Equal(prize, totals.PayoutCents.Sum());

            // The standings as the naive reference resolves them from the bids.
            var reference = ReferenceStandings.Resolve(expected, payouts);
            for (var e = 0; e < entries; e++)
            {
                Assert.Equal(reference[e].Payout, totals.PayoutCents[e]);
                Assert.Equal(reference[e].Payout > 0 ? 1 : 0, totals.InTheMoney[e]);
                for (var position = 1; position <= 10; position++)
                {
                    Assert.Equal(reference[e].Position == position ? 1 : 0, totals.PositionCounts[(e * 10) + position - 1]);
                }

                var histogram = totals.PayoutHistogram.AsSpan(e * totals.PayoutBuckets, totals.PayoutBuckets).ToArray();
                Assert.Equal(reference[e].Payout > 0 ? 1 : 0, histogram.Sum());
                if (reference[e].Payout > 0)
                {
                    Assert.Equal(reference[e].Payout, kernel.Pool.PayoutAmounts[Array.IndexOf(histogram, 1L)]);
                }
            }

            distinctWinners.Add(Array.FindIndex(reference, s => s.Position == 1));
        }

        // The outcomes really vary: many different entries win.
        Assert.True(distinctWinners.Count > 10, $"only {distinctWinners.Count} different winners in {Simulations} simulations.");
    }
}
