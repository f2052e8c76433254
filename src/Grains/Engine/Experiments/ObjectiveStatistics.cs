namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Each objective's estimate with a normal-approximation interval, from exact integer sums (docs/experiments.md#objectives).
/// A paired gain is the objective of the challenger minus that of the reference on the same simulations, so its
/// interval is far narrower than either value's. Expected payout, P(1st) and P(in the money) are means of
/// per-simulation integers (payout cents; indicator differences in {−1, 0, 1}), so their gains are the means of the
/// paired differences; the risk-adjusted payout is not a mean, and its interval comes from the delta method
/// (<see cref="RiskAdjustedEstimate"/>). Over a modeled field (sums with clusters) every se is cluster-robust.
/// </summary>
public static class ObjectiveStatistics
{
    /// <summary>The paired gain of the variant over its reference under <paramref name="objective"/>.</summary>
    public static ObjectiveEstimate Gain(string objective, double riskAversion, PairedSums sums, double z = PayoutStatistics.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Simulations, 2);
        return objective switch
        {
            ExperimentObjectives.ExpectedPayout => Payout(sums, z),
            ExperimentObjectives.PFirst => Indicator(
                objective, sums, sums.Variant.Firsts - sums.Reference.Firsts, sums.FirstsDiscordant, FirstsDiff, z),
            ExperimentObjectives.PInTheMoney => Indicator(
                objective, sums, sums.Variant.InTheMoney - sums.Reference.InTheMoney, sums.InTheMoneyDiscordant, InTheMoneyDiff, z),
            ExperimentObjectives.RiskAdjusted => RiskAdjustedEstimate.Gain(riskAversion, sums, z),
            _ => throw new ArgumentException($"Unknown objective '{objective}'.", nameof(objective)),
        };
    }

    /// <summary>The variant's own value under <paramref name="objective"/> (its gain over an entry that never pays nor wins).</summary>
    public static ObjectiveEstimate Value(string objective, double riskAversion, PairedSums sums, double z = PayoutStatistics.Z95) =>
        Gain(objective, riskAversion, sums.Alone(), z);

    /// <summary>
    /// The paired payout gain in integer cents: exactly <see cref="PayoutStatistics"/> on the paired differences, or over
    /// a modeled field the same mean with the cluster-robust se (<see cref="ClusteredStatistics"/>).
    /// </summary>
    public static PayoutEstimate PayoutGain(PairedSums sums, double z = PayoutStatistics.Z95) =>
        sums.Clusters is null
            ? PayoutStatistics.From(sums.Simulations, sums.PayoutDiffTotal, sums.PayoutDiffSquares, z)
            : PayoutStatistics.FromStandardError(sums.Simulations, sums.PayoutDiffTotal, ClusteredStatistics.MeanStandardError(sums, PayoutDiff), z);

    private static readonly int[] PayoutDiff = Weights(ClusterSums.X, ClusterSums.Y);
    private static readonly int[] FirstsDiff = Weights(ClusterSums.F, ClusterSums.G);
    private static readonly int[] InTheMoneyDiff = Weights(ClusterSums.I, ClusterSums.J);

    private static ObjectiveEstimate Payout(PairedSums sums, double z)
    {
        var n = sums.Simulations;
        var (total, squares) = (sums.PayoutDiffTotal, sums.PayoutDiffSquares);
        var estimate = PayoutGain(sums, z);
        var se = sums.Clusters is null ? StandardError(n, total, squares) : ClusteredStatistics.MeanStandardError(sums, PayoutDiff);
        return new ObjectiveEstimate(
            ExperimentObjectives.ExpectedPayout, ExperimentObjectives.Cents, n, estimate.MeanCents, se, estimate.LowCents, estimate.HighCents, total);
    }

    /// <summary>A probability's paired gain: the mean of d = 1{variant} − 1{reference}, with Σd² the discordant simulations.</summary>
    private static ObjectiveEstimate Indicator(string objective, PairedSums sums, long total, long discordant, int[] weights, double z)
    {
        var n = sums.Simulations;
        var mean = (double)total / n;
        var se = sums.Clusters is null ? StandardError(n, total, discordant) : ClusteredStatistics.MeanStandardError(sums, weights);
        return new ObjectiveEstimate(objective, ExperimentObjectives.Probability, n, mean, se, mean - (z * se), mean + (z * se), total);
    }

    /// <summary>Cluster weights of d = z_plus − z_minus.</summary>
    private static int[] Weights(int plus, int minus)
    {
        var a = new int[ClusterSums.Components];
        (a[plus], a[minus]) = (1, -1);
        return a;
    }

    /// <summary>s/√n of a mean of per-simulation integers from Σ and Σ² (the sample variance, n − 1).</summary>
    private static double StandardError(long simulations, long total, Int128 squares)
    {
        var n = (double)simulations;
        var variance = Math.Max(0.0, ((double)squares - (total / n * total)) / (n - 1));
        return Math.Sqrt(variance / n);
    }
}
