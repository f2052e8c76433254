namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>One entry's exact sums over some simulations: first places, in-the-money finishes and Σ payout^k (k = 1–4).</summary>
public sealed record MomentSums(long Firsts, long InTheMoney, long Sum, Int128 Squares, Int128 Cubes, Int128 Fourths)
{
    public static MomentSums Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public MomentSums Add(MomentSums other) => checked(new(
        Firsts + other.Firsts, InTheMoney + other.InTheMoney, Sum + other.Sum,
        Squares + other.Squares, Cubes + other.Cubes, Fourths + other.Fourths));
}

/// <summary>
/// A variant's exact sums paired with its reference's (the incumbent, or the initial entry) over the same simulations:
/// both entries' moments, how often exactly one of them finished first / in the money, and the cross-moments
/// Σ x^a·y^b of the variant's payout x with the reference's payout y. Everything an objective's paired interval
/// needs; samples with independent seeds merge by adding (each is paired within itself). <paramref name="Clusters"/>:
/// the field blocks' sums over a modeled field (null for the real field, whose simulations are independent).
/// </summary>
public sealed record PairedSums(
    long Simulations,
    MomentSums Variant,
    MomentSums Reference,
    long FirstsDiscordant,
    long InTheMoneyDiscordant,
    Int128 Cross11,
    Int128 Cross21,
    Int128 Cross12,
    Int128 Cross22,
    ClusterSums? Clusters = null)
{
    public static PairedSums Empty { get; } = new(0, MomentSums.Zero, MomentSums.Zero, 0, 0, 0, 0, 0, 0);

    /// <summary>The variant alone: paired with an entry that never pays nor finishes first, its "gain" is its own value.</summary>
    public PairedSums Alone() => new(Simulations, Variant, MomentSums.Zero, Variant.Firsts, Variant.InTheMoney, 0, 0, 0, 0, Clusters?.Alone());

    public PairedSums Add(PairedSums other) => checked(new(
        Simulations + other.Simulations, Variant.Add(other.Variant), Reference.Add(other.Reference),
        FirstsDiscordant + other.FirstsDiscordant, InTheMoneyDiscordant + other.InTheMoneyDiscordant,
        Cross11 + other.Cross11, Cross21 + other.Cross21, Cross12 + other.Cross12, Cross22 + other.Cross22, MergeClusters(other)));

    /// <summary>Σ (x − y): the paired payout difference's total.</summary>
    public long PayoutDiffTotal => checked(Variant.Sum - Reference.Sum);

    /// <summary>Σ (x − y)² = Σx² − 2Σxy + Σy², exactly.</summary>
    public Int128 PayoutDiffSquares => checked(Variant.Squares - (2 * Cross11) + Reference.Squares);

    /// <summary>The kept moment Σ x^a·y^b: powers 0–4 of either entry alone, a and b up to 2 together; Σ x⁰·y⁰ = n.</summary>
    public Int128 Moment(int a, int b) => (a, b) switch
    {
        (0, 0) => Simulations,
        (_, 0) => Power(Variant, a),
        (0, _) => Power(Reference, b),
        (1, 1) => Cross11,
        (2, 1) => Cross21,
        (1, 2) => Cross12,
        (2, 2) => Cross22,
        _ => throw new ArgumentOutOfRangeException(nameof(a), $"No sum of x^{a}·y^{b} is kept."),
    };

    /// <summary>Cluster sums add; empty sums (nothing yet) take the other's; clustered and unclustered sums never mix.</summary>
    private ClusterSums? MergeClusters(PairedSums other) => (Clusters, other.Clusters) switch
    {
        (null, null) => null,
        ({ } a, { } b) => a.Add(b),
        (null, { } b) when Simulations == 0 => b,
        ({ } a, null) when other.Simulations == 0 => a,
        _ => throw new ArgumentException("Clustered sums (a modeled field) cannot merge with unclustered ones.", nameof(other)),
    };

    private static Int128 Power(MomentSums m, int k) => k switch
    {
        1 => m.Sum,
        2 => m.Squares,
        3 => m.Cubes,
        4 => m.Fourths,
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}
