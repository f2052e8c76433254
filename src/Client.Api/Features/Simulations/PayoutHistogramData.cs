namespace LabSandbox.Api.Features.Simulations;

/// <summary>One bar of an entry's payout histogram: an amount, how many simulations paid it, and that as a probability.</summary>
public sealed record PayoutBar(long AmountCents, long Simulations, double Probability);

/// <summary>
/// The bars of an entry's payout distribution from its <c>entry_distributions</c> line: the artifact lists only
/// amounts that were paid, so the unpaid simulations (n − in the money) are the $0 bar.
/// </summary>
public static class PayoutHistogramData
{
    public static IReadOnlyList<PayoutBar> From(EntryDistributionView distribution)
    {
        var n = Math.Max(distribution.Simulations, 1);
        var paid = distribution.PayoutHistogram.Where(b => b.AmountCents > 0 && b.Simulations > 0).ToList();
        var unpaid = distribution.Simulations - paid.Sum(b => b.Simulations);
        var bars = new List<PayoutBar>();
        if (unpaid > 0)
        {
            bars.Add(new PayoutBar(0, unpaid, (double)unpaid / n));
        }

        bars.AddRange(paid.GroupBy(b => b.AmountCents).OrderBy(g => g.Key)
            .Select(g => new PayoutBar(g.Key, g.Sum(b => b.Simulations), (double)g.Sum(b => b.Simulations) / n)));
        return bars;
    }
}
