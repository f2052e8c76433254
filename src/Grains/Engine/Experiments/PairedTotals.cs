namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Exact integer totals of a paired evaluation: per variant its payout cents (powers 1–4), firsts and in-the-money
/// counts, its payout difference to variant 0 on the same simulation (sum and sum of squares), and what every
/// objective's paired interval needs on top (<see cref="PairedSums"/>): the counts of simulations where exactly one
/// of the variant and variant 0 finished first / in the money, and the cross-moments Σ x^a·y^b of its payout x with
/// variant 0's payout y. Integer sums merge in any order to the same totals, so chunking and placement change nothing.
/// </summary>
/// <remarks>
/// Int128 bound: every sum here is at most n·X⁴ for n simulations whose payouts are at most X cents. A run has at
/// most 5,000,000 simulations and a challenger's merged totals at most 6,000,000 (&lt; 2²³), so every payout below
/// 2²⁶ cents ($671,088 — far above any pool's prize) keeps n·X⁴ &lt; 2¹²⁷. The arithmetic is checked: a pool beyond that
/// bound fails loudly instead of wrapping. <paramref name="clustered"/> (a modeled field): the totals also keep
/// <see cref="ClusterSums"/> per field block, for intervals that do not take the block's simulations as independent.
/// </remarks>
public sealed class PairedTotals
{
    private readonly ClusterTotals? _clusters;

    public PairedTotals(int variants, bool clustered = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variants, 1);
        _clusters = clustered ? new ClusterTotals(variants) : null;
        PayoutCents = new long[variants];
        PayoutSquares = new Int128[variants];
        PayoutCubes = new Int128[variants];
        PayoutFourths = new Int128[variants];
        Firsts = new long[variants];
        InTheMoney = new long[variants];
        DiffCents = new long[variants];
        DiffSquares = new Int128[variants];
        FirstsDiscordant = new long[variants];
        InTheMoneyDiscordant = new long[variants];
        Cross11 = new Int128[variants];
        Cross21 = new Int128[variants];
        Cross12 = new Int128[variants];
        Cross22 = new Int128[variants];
    }

    public int Variants => PayoutCents.Length;

    /// <summary>Whether the simulations are clustered by field block (a modeled field).</summary>
    public bool Clustered => _clusters is not null;

    public long Simulations { get; set; }

    public long[] PayoutCents { get; }

    public Int128[] PayoutSquares { get; }

    public Int128[] PayoutCubes { get; }

    public Int128[] PayoutFourths { get; }

    /// <summary>Simulations the variant's entry finished in position 1 (tied or not).</summary>
    public long[] Firsts { get; }

    public long[] InTheMoney { get; }

    /// <summary>Σ (payout of variant v − payout of variant 0) over the same simulations; 0 for variant 0.</summary>
    public long[] DiffCents { get; }

    public Int128[] DiffSquares { get; }

    /// <summary>Simulations where exactly one of variant v and variant 0 finished first: Σ (first_v − first_0)².</summary>
    public long[] FirstsDiscordant { get; }

    /// <summary>Simulations where exactly one of variant v and variant 0 was in the money: Σ (itm_v − itm_0)².</summary>
    public long[] InTheMoneyDiscordant { get; }

    /// <summary>Σ x·y: variant v's payout x times variant 0's payout y on the same simulation.</summary>
    public Int128[] Cross11 { get; }

    /// <summary>Σ x²·y.</summary>
    public Int128[] Cross21 { get; }

    /// <summary>Σ x·y².</summary>
    public Int128[] Cross12 { get; }

    /// <summary>Σ x²·y².</summary>
    public Int128[] Cross22 { get; }

    /// <summary>The next simulations play field <paramref name="field"/>; a new field closes the open cluster (no-op unclustered).</summary>
    public void EnterField(long field) => _clusters?.Enter(field);

    /// <summary>
    /// One simulation of variant <paramref name="variant"/>: its payout and finishing position, paired with variant 0's
    /// on the same simulation (for variant 0 itself the pair is its own, so its differences are zero).
    /// </summary>
    public void Record(int variant, long payoutCents, int position, long referencePayoutCents, int referencePosition)
    {
        var first = position == 1;
        var inTheMoney = payoutCents > 0;
        Firsts[variant] += first ? 1 : 0;
        InTheMoney[variant] += inTheMoney ? 1 : 0;
        FirstsDiscordant[variant] += first != (referencePosition == 1) ? 1 : 0;
        InTheMoneyDiscordant[variant] += inTheMoney != (referencePayoutCents > 0) ? 1 : 0;
        var diff = payoutCents - referencePayoutCents;
        DiffCents[variant] += diff;
        DiffSquares[variant] += (Int128)diff * diff;
        _clusters?.Record(variant, payoutCents, first, inTheMoney);
        if (payoutCents == 0)
        {
            return; // Most simulations pay nothing: every power and cross-moment below is zero.
        }

        checked
        {
            PayoutCents[variant] += payoutCents;
            Int128 x = payoutCents, y = referencePayoutCents;
            var x2 = x * x;
            PayoutSquares[variant] += x2;
            PayoutCubes[variant] += x2 * x;
            PayoutFourths[variant] += x2 * x2;
            Cross11[variant] += x * y;
            Cross21[variant] += x2 * y;
            Cross12[variant] += x * y * y;
            Cross22[variant] += x2 * y * y;
        }
    }

    /// <summary>Variant <paramref name="variant"/>'s sums paired with variant 0's (the sums every objective's paired interval reads).</summary>
    public PairedSums Paired(int variant) => new(
        Simulations, Moments(variant), Moments(0), FirstsDiscordant[variant], InTheMoneyDiscordant[variant],
        Cross11[variant], Cross21[variant], Cross12[variant], Cross22[variant], _clusters?.Sums(variant));

    public MomentSums Moments(int variant) => new(
        Firsts[variant], InTheMoney[variant], PayoutCents[variant], PayoutSquares[variant], PayoutCubes[variant], PayoutFourths[variant]);

    public void Add(PairedTotals other)
    {
        if (other.Variants != Variants)
        {
            throw new ArgumentException($"Totals of {other.Variants} variants cannot merge into totals of {Variants}.", nameof(other));
        }

        if (other.Clustered != Clustered)
        {
            throw new ArgumentException("Clustered totals (a modeled field) cannot merge with unclustered ones.", nameof(other));
        }

        _clusters?.Add(other._clusters!);

        Simulations += other.Simulations;
        for (var v = 0; v < Variants; v++)
        {
            checked
            {
                PayoutCents[v] += other.PayoutCents[v];
                PayoutSquares[v] += other.PayoutSquares[v];
                PayoutCubes[v] += other.PayoutCubes[v];
                PayoutFourths[v] += other.PayoutFourths[v];
                Firsts[v] += other.Firsts[v];
                InTheMoney[v] += other.InTheMoney[v];
                DiffCents[v] += other.DiffCents[v];
                DiffSquares[v] += other.DiffSquares[v];
                FirstsDiscordant[v] += other.FirstsDiscordant[v];
                InTheMoneyDiscordant[v] += other.InTheMoneyDiscordant[v];
                Cross11[v] += other.Cross11[v];
                Cross21[v] += other.Cross21[v];
                Cross12[v] += other.Cross12[v];
                Cross22[v] += other.Cross22[v];
            }
        }
    }
}
