namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Means of per-simulation cents with a normal-approximation confidence interval (mean ± z·s/√n; every estimate
/// here rests on thousands of simulations). Money stays integer cents (INV-1): the mean is rounded once, the
/// bounds outward (low down, high up), so "low &gt; 0" never claims more than the exact interval does.
/// </summary>
public static class PayoutStatistics
{
    /// <summary>z of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static PayoutEstimate From(long simulations, long totalCents, Int128 squares, double z)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(simulations, 2);
        var n = (double)simulations;
        var mean = totalCents / n;
        var variance = Math.Max(0.0, ((double)squares - (mean * totalCents)) / (n - 1));
        return FromStandardError(simulations, totalCents, Math.Sqrt(variance / n), z);
    }

    /// <summary>The mean of <paramref name="totalCents"/> over the simulations ± z·<paramref name="standardError"/> (a clustered se, say).</summary>
    public static PayoutEstimate FromStandardError(long simulations, long totalCents, double standardError, double z)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(simulations, 2);
        var mean = totalCents / (double)simulations;
        var halfWidth = z * standardError;
        return new PayoutEstimate(
            simulations, totalCents, Cents.Mean(totalCents, simulations),
            (long)Math.Floor(mean - halfWidth), (long)Math.Ceiling(mean + halfWidth));
    }

    /// <summary>Variant <paramref name="variant"/>'s payout.</summary>
    public static PayoutEstimate Payout(PairedTotals totals, int variant, double z = Z95) =>
        From(totals.Simulations, totals.PayoutCents[variant], totals.PayoutSquares[variant], z);

    /// <summary>Variant <paramref name="variant"/>'s paired gain over variant 0 (its payout minus variant 0's, per simulation).</summary>
    public static PayoutEstimate Gain(PairedTotals totals, int variant, double z = Z95) =>
        From(totals.Simulations, totals.DiffCents[variant], totals.DiffSquares[variant], z);

    /// <summary>Exact comparison of two means (cross-multiplied totals, no rounding).</summary>
    public static int CompareMean(this PayoutEstimate a, PayoutEstimate b) =>
        ((Int128)a.TotalCents * b.Simulations).CompareTo((Int128)b.TotalCents * a.Simulations);
}
