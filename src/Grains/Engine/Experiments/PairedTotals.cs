namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Exact integer totals of a paired evaluation: per variant its payout cents (sum and sum of squares), firsts and
/// in-the-money counts, and per variant its payout difference to variant 0 on the same simulation (sum and sum of
/// squares). Integer sums merge in any order to the same totals, so chunking and placement change nothing.
/// </summary>
public sealed class PairedTotals
{
    public PairedTotals(int variants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variants, 1);
        PayoutCents = new long[variants];
        PayoutSquares = new Int128[variants];
        Firsts = new long[variants];
        InTheMoney = new long[variants];
        DiffCents = new long[variants];
        DiffSquares = new Int128[variants];
    }

    public int Variants => PayoutCents.Length;

    public long Simulations { get; set; }

    public long[] PayoutCents { get; }

    public Int128[] PayoutSquares { get; }

    /// <summary>Simulations the variant's entry finished in position 1 (tied or not).</summary>
    public long[] Firsts { get; }

    public long[] InTheMoney { get; }

    /// <summary>Σ (payout of variant v − payout of variant 0) over the same simulations; 0 for variant 0.</summary>
    public long[] DiffCents { get; }

    public Int128[] DiffSquares { get; }

    /// <summary>
    /// One simulation of variant <paramref name="variant"/>: its payout and finishing position, paired with variant 0's
    /// on the same simulation (for variant 0 itself the pair is its own, so its differences are zero).
    /// </summary>
    public void Record(int variant, long payoutCents, int position, long referencePayoutCents, int referencePosition)
    {
        PayoutCents[variant] += payoutCents;
        PayoutSquares[variant] += (Int128)payoutCents * payoutCents;
        Firsts[variant] += position == 1 ? 1 : 0;
        InTheMoney[variant] += payoutCents > 0 ? 1 : 0;
        var diff = payoutCents - referencePayoutCents;
        DiffCents[variant] += diff;
        DiffSquares[variant] += (Int128)diff * diff;
    }

    public void Add(PairedTotals other)
    {
        if (other.Variants != Variants)
        {
            throw new ArgumentException($"Totals of {other.Variants} variants cannot merge into totals of {Variants}.", nameof(other));
        }

        Simulations += other.Simulations;
        for (var v = 0; v < Variants; v++)
        {
            PayoutCents[v] += other.PayoutCents[v];
            PayoutSquares[v] += other.PayoutSquares[v];
            Firsts[v] += other.Firsts[v];
            InTheMoney[v] += other.InTheMoney[v];
            DiffCents[v] += other.DiffCents[v];
            DiffSquares[v] += other.DiffSquares[v];
        }
    }
}
