using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>
/// Cluster-robust intervals (docs/experiments.md#clustered-intervals): size-1 clusters give today's per-simulation
/// estimates, and the formulas match a naive per-block computation written out here.
/// </summary>
public sealed class ClusteredStatisticsTests
{
    private const double Lambda = 0.4;

    private static readonly string[] Objectives = [.. ExperimentObjectives.All];

    [Fact]
    public void Clusters_of_one_simulation_reproduce_the_per_simulation_estimates()
    {
        var sims = Sample(13, 600);
        var plain = Totals(sims, _ => 0, clustered: false).Paired(1);
        var clustered = Totals(sims, i => i, clustered: true).Paired(1);
        Assert.Equal(600, clustered.Clusters!.Clusters);

        foreach (var objective in Objectives)
        {
            foreach (var (a, b) in new[]
            {
                (ObjectiveStatistics.Gain(objective, Lambda, plain), ObjectiveStatistics.Gain(objective, Lambda, clustered)),
                (ObjectiveStatistics.Value(objective, Lambda, plain), ObjectiveStatistics.Value(objective, Lambda, clustered)),
            })
            {
                // Same value exactly; the se by another order of operations, so equal to rounding.
                Assert.Equal(a.Value, b.Value);
                Assert.Equal(a.Total, b.Total);
                Assert.Equal(a.StandardError, b.StandardError, a.StandardError * 1e-9);
            }
        }

        Assert.Equal(PayoutStatistics.From(600, plain.PayoutDiffTotal, plain.PayoutDiffSquares, PayoutStatistics.Z95),
            ObjectiveStatistics.PayoutGain(clustered));
    }

    [Fact]
    public void Cluster_formulas_match_a_naive_per_block_computation()
    {
        var sims = Sample(17, 3_000);
        var field = Fields(sims.Length, seed: 5);
        var sums = Totals(sims, i => field[i], clustered: true).Paired(1);
        var blocks = sims.Select((s, i) => (s, field[i])).GroupBy(t => t.Item2, t => t.s).Select(g => g.ToArray()).ToArray();
        Assert.Equal(blocks.Length, sums.Clusters!.Clusters);

        Assert.Equal(NaiveMeanSe(blocks, s => s.X - s.Y), ObjectiveStatistics.Gain(ExperimentObjectives.ExpectedPayout, 0, sums).StandardError, 1e-9);
        Assert.Equal(NaiveMeanSe(blocks, s => s.X), ObjectiveStatistics.Value(ExperimentObjectives.ExpectedPayout, 0, sums).StandardError, 1e-9);
        Assert.Equal(NaiveMeanSe(blocks, s => First(s.Px) - First(s.Py)), ObjectiveStatistics.Gain(ExperimentObjectives.PFirst, 0, sums).StandardError, 1e-12);
        Assert.Equal(NaiveMeanSe(blocks, s => Money(s.X) - Money(s.Y)), ObjectiveStatistics.Gain(ExperimentObjectives.PInTheMoney, 0, sums).StandardError, 1e-12);
        Assert.Equal(NaiveMeanSe(blocks, s => Money(s.X)), ObjectiveStatistics.Value(ExperimentObjectives.PInTheMoney, 0, sums).StandardError, 1e-12);

        var risk = ObjectiveStatistics.Gain(ExperimentObjectives.RiskAdjusted, Lambda, sums).StandardError;
        Assert.Equal(NaiveRiskSe(blocks, Lambda), risk, risk * 1e-9);
        var riskValue = ObjectiveStatistics.Value(ExperimentObjectives.RiskAdjusted, Lambda, sums).StandardError;
        Assert.Equal(NaiveRiskSe([.. blocks.Select(b => b.Select(s => s with { Y = 0 }).ToArray())], Lambda), riskValue, riskValue * 1e-9);

        // The payout gain's interval: mean ± z·se, rounded outward to cents.
        var gain = ObjectiveStatistics.PayoutGain(sums);
        var mean = (double)sums.PayoutDiffTotal / sums.Simulations;
        Assert.Equal((long)Math.Floor(mean - (PayoutStatistics.Z95 * NaiveMeanSe(blocks, s => s.X - s.Y))), gain.LowCents);
    }

    [Fact]
    public void Samples_of_independent_fields_add_their_clusters_and_never_mix_with_unclustered_sums()
    {
        var sims = Sample(19, 1_000);
        var field = Fields(sims.Length, seed: 3);
        var whole = Totals(sims, i => field[i], clustered: true).Paired(1);
        var cut = Array.FindIndex(field, f => f == field[500]);
        var first = Totals(sims[..cut], i => field[i], clustered: true).Paired(1);
        var second = Totals(sims[cut..], i => field[cut + i], clustered: true).Paired(1);

        Assert.Equal(whole, first.Add(second));
        Assert.Equal(whole, PairedSums.Empty.Add(whole));
        Assert.Throws<ArgumentException>(() => whole.Add(Totals(sims, _ => 0, clustered: false).Paired(1)));
    }

    /// <summary>se² = B/(B − 1)·Σ_b (V_b − m_b·v̄)²/n², written out per block.</summary>
    private static double NaiveMeanSe(Sim[][] blocks, Func<Sim, double> value)
    {
        var n = blocks.Sum(b => b.Length);
        var mean = blocks.Sum(b => b.Sum(value)) / n;
        var squares = blocks.Sum(b => Math.Pow(b.Sum(value) - (b.Length * mean), 2));
        return Math.Sqrt(blocks.Length / (blocks.Length - 1.0) * squares / ((double)n * n));
    }

    /// <summary>The delta method per block: ψ_i = (u − w) − α(u² − σx²) + β(w² − σy²) summed per block.</summary>
    private static double NaiveRiskSe(Sim[][] blocks, double lambda)
    {
        var all = blocks.SelectMany(b => b).ToArray();
        var (mx, my) = (all.Average(s => (double)s.X), all.Average(s => (double)s.Y));
        var (vx, vy) = (all.Average(s => Math.Pow(s.X - mx, 2)), all.Average(s => Math.Pow(s.Y - my, 2)));
        var alpha = vx > 0 ? lambda / (2 * Math.Sqrt(vx)) : 0;
        var beta = vy > 0 ? lambda / (2 * Math.Sqrt(vy)) : 0;
        double Psi(Sim s) => (s.X - mx - (s.Y - my)) - (alpha * (Math.Pow(s.X - mx, 2) - vx)) + (beta * (Math.Pow(s.Y - my, 2) - vy));
        var squares = blocks.Sum(b => Math.Pow(b.Sum(Psi), 2));
        return Math.Sqrt(blocks.Length / (blocks.Length - 1.0) * squares / ((double)all.Length * all.Length));
    }

    private static double First(int position) => position == 1 ? 1 : 0;

    private static double Money(long payout) => payout > 0 ? 1 : 0;

    private static PairedTotals Totals(IReadOnlyList<Sim> sims, Func<int, long> fieldOf, bool clustered)
    {
        var totals = new PairedTotals(2, clustered);
        for (var i = 0; i < sims.Count; i++)
        {
            var (x, px, y, py) = sims[i];
            totals.EnterField(fieldOf(i));
            totals.Record(0, y, py, y, py);
            totals.Record(1, x, px, y, py);
        }

        totals.Simulations = sims.Count;
        return totals;
    }

    /// <summary>Blocks of 1–80 consecutive simulations, in order.</summary>
    private static long[] Fields(int n, long seed)
    {
        var random = new SeededRandom(seed);
        var field = new long[n];
        var (block, left) = (0L, 1 + random.Next(80));
        for (var i = 0; i < n; i++, left--)
        {
            if (left == 0)
            {
                (block, left) = (block + 1, 1 + random.Next(80));
            }

            field[i] = block;
        }

        return field;
    }

    /// <summary>Pool-like payouts: mostly nothing, sometimes a prize; the challenger shares most of the reference's luck.</summary>
    private static Sim[] Sample(long seed, int n)
    {
        var random = new SeededRandom(seed);
        long Prize(int place) => place switch { 1 => 50_000, 2 => 20_000, 3 => 8_000, _ => 0 };
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            var py = 1 + random.Next(12);
            var px = random.NextDouble() < 0.7 ? py : 1 + random.Next(10);
            return new Sim(Prize(px), px, Prize(py), py);
        })];
    }

    private sealed record Sim(long X, int Px, long Y, int Py);
}
