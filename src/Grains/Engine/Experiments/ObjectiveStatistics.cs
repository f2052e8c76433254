namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Each objective's estimate with a normal-approximation interval, from exact integer sums (docs/experiments.md#objectives).
/// A paired gain is the objective of the challenger minus that of the reference on the same simulations, so its
/// interval is far narrower than either value's. Expected payout, P(1st) and P(in the money) are means of
/// per-simulation integers (payout cents; indicator differences in {−1, 0, 1}), so their gains are the means of the
/// paired differences; the risk-adjusted payout is not a mean, and its interval comes from the delta method
/// (<see cref="RiskAdjustedEstimate"/>).
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
                objective, sums.Simulations, sums.Variant.Firsts - sums.Reference.Firsts, sums.FirstsDiscordant, z),
            ExperimentObjectives.PInTheMoney => Indicator(
                objective, sums.Simulations, sums.Variant.InTheMoney - sums.Reference.InTheMoney, sums.InTheMoneyDiscordant, z),
            ExperimentObjectives.RiskAdjusted => RiskAdjustedEstimate.Gain(riskAversion, sums, z),
            _ => throw new ArgumentException($"Unknown objective '{objective}'.", nameof(objective)),
        };
    }

    /// <summary>The variant's own value under <paramref name="objective"/> (its gain over an entry that never pays nor wins).</summary>
    public static ObjectiveEstimate Value(string objective, double riskAversion, PairedSums sums, double z = PayoutStatistics.Z95) =>
        Gain(objective, riskAversion, sums.Alone(), z);

    /// <summary>Expected payout: exactly <see cref="PayoutStatistics"/> on the paired differences.</summary>
    private static ObjectiveEstimate Payout(PairedSums sums, double z)
    {
        var n = sums.Simulations;
        var (total, squares) = (sums.PayoutDiffTotal, sums.PayoutDiffSquares);
        var estimate = PayoutStatistics.From(n, total, squares, z);
        return new ObjectiveEstimate(
            ExperimentObjectives.ExpectedPayout, ExperimentObjectives.Cents, n, estimate.MeanCents, StandardError(n, total, squares),
            estimate.LowCents, estimate.HighCents, total);
    }

    /// <summary>A probability's paired gain: the mean of d = 1{variant} − 1{reference}, with Σd² the discordant simulations.</summary>
    private static ObjectiveEstimate Indicator(string objective, long n, long total, long discordant, double z)
    {
        var mean = (double)total / n;
        var se = StandardError(n, total, discordant);
        return new ObjectiveEstimate(objective, ExperimentObjectives.Probability, n, mean, se, mean - (z * se), mean + (z * se), total);
    }

    /// <summary>s/√n of a mean of per-simulation integers from Σ and Σ² (the sample variance, n − 1).</summary>
    private static double StandardError(long simulations, long total, Int128 squares)
    {
        var n = (double)simulations;
        var variance = Math.Max(0.0, ((double)squares - (total / n * total)) / (n - 1));
        return Math.Sqrt(variance / n);
    }
}
