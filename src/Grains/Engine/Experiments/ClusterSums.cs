namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Cluster sums of a paired evaluation over a modeled field, where the simulations of one field block share their
/// opponents and are not independent (docs/experiments.md#clustered-intervals). Each cluster b (a field block of one
/// run) has the vector z_b = (m, X, Y, X2, Y2, F, G, I, J): its simulations, and its sums of the variant's payout x,
/// the reference's y, x², y², first places of each, in-the-money finishes of each. Kept: the cluster count B and the
/// exact products M = Σ_b z_b·z_bᵀ (upper triangle), from which every objective's cluster-robust interval follows.
/// Samples with different seeds have independent fields, so their cluster sums add.
/// </summary>
/// <remarks>
/// Int128 bound: the largest product is Σ_b X2_b² ≤ Σ_b m_b²·X⁴ ≤ 1,000·n·X⁴ (m_b ≤ 1,000 simulations per field, X the
/// largest payout in cents). With n ≤ 6,000,000 simulations per challenger that stays below 2¹²⁷ for every payout
/// below about 1.29·10⁷ cents ($129,000, far above any pool's prize); the arithmetic is checked, so a pool beyond
/// that fails loudly instead of wrapping.
/// </remarks>
public sealed record ClusterSums(long Clusters, IReadOnlyList<Int128> Products)
{
    public const int Components = 9;

    public const int M = 0, X = 1, Y = 2, X2 = 3, Y2 = 4, F = 5, G = 6, I = 7, J = 8;

    /// <summary>The reference's components: zero when the variant stands alone.</summary>
    private static readonly int[] Reference = [Y, Y2, G, J];

    public static ClusterSums Empty { get; } = new(0, new Int128[Components * (Components + 1) / 2]);

    /// <summary>Σ_b z_bj·z_bk.</summary>
    public Int128 Product(int j, int k) => Products[Index(j, k)];

    public ClusterSums Add(ClusterSums other)
    {
        var products = new Int128[Products.Count];
        for (var p = 0; p < products.Length; p++)
        {
            products[p] = checked(Products[p] + other.Products[p]);
        }

        return new ClusterSums(checked(Clusters + other.Clusters), products);
    }

    /// <summary>Cluster <paramref name="z"/> (a vector of <see cref="Components"/>) added.</summary>
    public ClusterSums With(ReadOnlySpan<Int128> z)
    {
        var products = Products.ToArray();
        for (var j = 0; j < Components; j++)
        {
            for (var k = j; k < Components; k++)
            {
                products[Index(j, k)] = checked(products[Index(j, k)] + (z[j] * z[k]));
            }
        }

        return new ClusterSums(Clusters + 1, products);
    }

    /// <summary>The variant alone: paired with an entry that never pays nor finishes first (its components zero).</summary>
    public ClusterSums Alone()
    {
        var products = Products.ToArray();
        for (var j = 0; j < Components; j++)
        {
            foreach (var r in Reference)
            {
                products[Index(j, r)] = 0;
            }
        }

        return new ClusterSums(Clusters, products);
    }

    public bool Equals(ClusterSums? other) =>
        other is not null && Clusters == other.Clusters && Products.SequenceEqual(other.Products);

    public override int GetHashCode() => HashCode.Combine(Clusters, Products.Count > 0 ? Products[^1] : 0);

    private static int Index(int j, int k)
    {
        if (j > k)
        {
            (j, k) = (k, j);
        }

        // Row j of the upper triangle starts after rows 0..j−1 (Components − r entries each).
        return (j * Components) - (j * (j - 1) / 2) + (k - j);
    }
}
