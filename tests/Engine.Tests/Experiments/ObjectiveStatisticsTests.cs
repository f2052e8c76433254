using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>
/// Each objective's paired estimate from exact sums, against hand-computed figures or a naive per-simulation formula
/// written out here (docs/experiments.md#objectives).
/// </summary>
public sealed class ObjectiveStatisticsTests
{
    private const double Z = PayoutStatistics.Z95;

    // Four simulations: the challenger x and the reference y (payout cents, finishing position).
    private static readonly (long X, int Px, long Y, int Py)[] Four = [(500, 1, 0, 4), (200, 2, 200, 2), (0, 5, 500, 1), (0, 3, 0, 3)];

    [Fact]
    public void Record_keeps_every_sum_exactly_as_computed_by_hand()
    {
        var sums = Totals(Four).Paired(1);

        Assert.Equal(4, sums.Simulations);
        Assert.Equal(new MomentSums(1, 2, 700, 290_000, 133_000_000, 64_100_000_000), sums.Variant);
        Assert.Equal(new MomentSums(1, 2, 700, 290_000, 133_000_000, 64_100_000_000), sums.Reference);
        Assert.Equal(2, sums.FirstsDiscordant); // sims 1 and 3
        Assert.Equal(2, sums.InTheMoneyDiscordant);
        Assert.Equal((Int128)40_000, sums.Cross11); // only sim 2 pays both: 200·200
        Assert.Equal((Int128)8_000_000, sums.Cross21);
        Assert.Equal((Int128)8_000_000, sums.Cross12);
        Assert.Equal((Int128)1_600_000_000, sums.Cross22);
        Assert.Equal(0, sums.PayoutDiffTotal);
        Assert.Equal((Int128)500_000, sums.PayoutDiffSquares); // 500² + 0 + 500² + 0
    }

    [Fact]
    public void P_first_gain_is_the_mean_of_indicator_differences_with_its_paired_interval()
    {
        // First places x: 1,1,1,0; y: 0,0,1,0 → d = 1,1,0,0: mean 1/2, s² = (2 − 4/4)/3 = 1/3, se = √(1/12).
        var gain = ObjectiveStatistics.Gain(ExperimentObjectives.PFirst, 0, Totals([(1, 1, 0, 2), (1, 1, 0, 2), (1, 1, 1, 1), (0, 2, 0, 2)]).Paired(1));

        Assert.Equal(ExperimentObjectives.Probability, gain.Unit);
        Assert.Equal(0.5, gain.Value);
        Assert.Equal(Math.Sqrt(1.0 / 12), gain.StandardError, 12);
        Assert.Equal(0.5 - (Z * Math.Sqrt(1.0 / 12)), gain.Low, 12);
        Assert.Equal(0.5 + (Z * Math.Sqrt(1.0 / 12)), gain.High, 12);
        Assert.Equal(2, gain.Total);
    }

    [Fact]
    public void P_in_the_money_gain_and_value_by_hand()
    {
        var sums = Totals(Four).Paired(1);
        var gain = ObjectiveStatistics.Gain(ExperimentObjectives.PInTheMoney, 0, sums);
        var value = ObjectiveStatistics.Value(ExperimentObjectives.PInTheMoney, 0, sums);

        // d = 1, 0, −1, 0: mean 0, s² = 2/3, se = √(2/3/4).
        Assert.Equal(0, gain.Value);
        Assert.Equal(Math.Sqrt(2.0 / 3 / 4), gain.StandardError, 12);
        // Alone: 1,1,0,0 → 1/2, s² = (2 − 1)/3.
        Assert.Equal(0.5, value.Value);
        Assert.Equal(Math.Sqrt(1.0 / 3 / 4), value.StandardError, 12);
    }

    [Fact]
    public void Expected_payout_gain_is_exactly_the_payout_statistics_of_the_differences()
    {
        var sims = Sample(3, 501);
        var gain = ObjectiveStatistics.Gain(ExperimentObjectives.ExpectedPayout, 0, Totals(sims).Paired(1));
        var diffs = sims.Select(s => s.X - s.Y).ToArray();
        var naive = PayoutStatistics.From(diffs.Length, diffs.Sum(), diffs.Aggregate(Int128.Zero, (a, d) => a + ((Int128)d * d)), Z);

        Assert.Equal(ExperimentObjectives.Cents, gain.Unit);
        Assert.Equal((double)naive.MeanCents, gain.Value);
        Assert.Equal((double)naive.LowCents, gain.Low);
        Assert.Equal((double)naive.HighCents, gain.High);
        Assert.Equal(naive.TotalCents, gain.Total);
        Assert.Equal(Sd(diffs.Select(d => (double)d).ToArray(), bessel: true) / Math.Sqrt(diffs.Length), gain.StandardError, 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Risk_adjusted_gain_and_delta_method_se_match_the_influence_function_written_out(double lambda)
    {
        var sims = Sample(7, 2_000);
        var gain = ObjectiveStatistics.Gain(ExperimentObjectives.RiskAdjusted, lambda, Totals(sims).Paired(1));

        var x = sims.Select(s => (double)s.X).ToArray();
        var y = sims.Select(s => (double)s.Y).ToArray();
        var (mx, my, sx, sy) = (x.Average(), y.Average(), Sd(x, bessel: false), Sd(y, bessel: false));
        var (alpha, beta) = (lambda / (2 * sx), lambda / (2 * sy));
        var psi = x.Select((xi, i) =>
        {
            double u = xi - mx, w = y[i] - my;
            return (u - w) - (alpha * ((u * u) - (sx * sx))) + (beta * ((w * w) - (sy * sy)));
        }).ToArray();
        var se = Math.Sqrt(psi.Sum(p => p * p) / (x.Length * (x.Length - 1.0)));

        Assert.Null(gain.Total);
        Assert.Equal((mx - (lambda * sx)) - (my - (lambda * sy)), gain.Value, 6);
        Assert.Equal(se, gain.StandardError, se * 1e-9);
        Assert.Equal(gain.Value - (Z * se), gain.Low, 6);
        if (lambda == 0)
        {
            var payout = ObjectiveStatistics.Gain(ExperimentObjectives.ExpectedPayout, 0, Totals(sims).Paired(1));
            Assert.Equal(payout.StandardError, gain.StandardError, se * 1e-9);
        }
    }

    [Fact]
    public void Risk_adjusted_value_alone_is_mean_minus_lambda_sd()
    {
        var sims = Sample(11, 300);
        var x = sims.Select(s => (double)s.X).ToArray();
        var value = ObjectiveStatistics.Value(ExperimentObjectives.RiskAdjusted, 1.5, Totals(sims).Paired(1));

        Assert.Equal(x.Average() - (1.5 * Sd(x, bessel: false)), value.Value, 6);
        Assert.True(value.StandardError > 0);
    }

    [Fact]
    public void An_entry_that_never_pays_has_sd_zero_and_its_term_drops()
    {
        var sims = Sample(5, 400).Select(s => (s.X, s.Px, 0L, 9)).ToArray();
        var gain = ObjectiveStatistics.Gain(ExperimentObjectives.RiskAdjusted, 1, Totals(sims).Paired(1));
        var alone = ObjectiveStatistics.Value(ExperimentObjectives.RiskAdjusted, 1, Totals(sims).Paired(1));

        Assert.Equal(alone.Value, gain.Value, 9);
        Assert.Equal(alone.StandardError, gain.StandardError, 9);
    }

    [Fact]
    public void The_delta_method_se_matches_the_spread_of_the_estimator_over_many_replications()
    {
        // 1,000 independent replications of 2,000 paired simulations: the empirical sd of the estimated gain and the
        // mean delta-method se should agree (the sd of an sd estimate over 1,000 draws is ~2–3% here; 10% tolerance).
        const int replications = 1_000;
        var estimates = new double[replications];
        var ses = new double[replications];
        for (var r = 0; r < replications; r++)
        {
            var gain = ObjectiveStatistics.Gain(ExperimentObjectives.RiskAdjusted, 0.75, Totals(Sample(1_000 + r, 2_000)).Paired(1));
            estimates[r] = gain.Value;
            ses[r] = gain.StandardError;
        }

        var ratio = ses.Average() / Sd(estimates, bessel: true);
        Assert.InRange(ratio, 0.9, 1.1);
    }

    [Fact]
    public void Sums_of_two_halves_add_up_to_the_sums_of_the_whole()
    {
        var sims = Sample(13, 600);
        var whole = Totals(sims);
        var first = Totals(sims[..250]);
        var second = Totals(sims[250..]);

        Assert.Equal(whole.Paired(1), first.Paired(1).Add(second.Paired(1)));
        first.Add(second);
        Assert.Equal(whole.Paired(1), first.Paired(1));
    }

    [Fact]
    public void A_payout_beyond_the_int128_bound_fails_loudly_instead_of_wrapping()
    {
        var totals = new PairedTotals(2);
        Assert.Throws<OverflowException>(() => totals.Record(1, 1L << 40, 1, 1L << 40, 1));
    }

    [Fact]
    public void Objective_keys_and_units()
    {
        Assert.Equal(["expected_payout", "p_first", "p_in_the_money", "risk_adjusted"], ExperimentObjectives.All);
        Assert.False(ExperimentObjectives.IsKnown("max_payout"));
        Assert.Equal(ExperimentObjectives.Probability, ExperimentObjectives.Unit(ExperimentObjectives.PFirst));
        Assert.Equal(ExperimentObjectives.Cents, ExperimentObjectives.Unit(ExperimentObjectives.RiskAdjusted));
    }

    private static PairedTotals Totals(IReadOnlyList<(long X, int Px, long Y, int Py)> sims)
    {
        var totals = new PairedTotals(2);
        foreach (var (x, px, y, py) in sims)
        {
            totals.Record(0, y, py, y, py);
            totals.Record(1, x, px, y, py);
        }

        totals.Simulations = sims.Count;
        return totals;
    }

    /// <summary>Pool-like payouts: mostly nothing, sometimes a prize; the challenger shares most of the reference's luck.</summary>
    private static (long X, int Px, long Y, int Py)[] Sample(long seed, int n)
    {
        var random = new SeededRandom(seed);
        long Prize(int place) => place switch { 1 => 50_000, 2 => 20_000, 3 => 8_000, _ => 0 };
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            var py = 1 + random.Next(12);
            var px = random.NextDouble() < 0.7 ? py : 1 + random.Next(10);
            return (Prize(px), px, Prize(py), py);
        })];
    }

    private static double Sd(double[] values, bool bessel)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - (bessel ? 1 : 0)));
    }
}
