using System.Numerics;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Cluster-robust standard errors over a modeled field (docs/experiments.md#clustered-intervals). A statistic whose
/// influence per simulation is ψ_i has, summed over cluster b, ψ_b = cᵀ·z̃_b with z̃_b = z_b − m_b·z̄ the cluster's
/// vector centered on the global means; se² = B/(B − 1)·Σ_b ψ_b²/n². For a mean of per-simulation values v that is
/// se² = B/(B − 1)·Σ_b (V_b − m_b·v̄)²/n², which is s²/n when every cluster is one simulation. The centered products
/// n²·Σ_b z̃_b·z̃_bᵀ are computed exactly from the integer sums before any division, as the unclustered moments are.
/// </summary>
public static class ClusteredStatistics
{
    /// <summary>
    /// The fewest clusters (field blocks) a batch judged alone may have: the se rests on B − 1 degrees of freedom and the
    /// interval on a normal approximation, both fair from about 30 clusters on.
    /// </summary>
    public const long MinimumClusters = 30;

    /// <summary>
    /// se of the mean of v = Σ_j a_j·z_j per simulation, <paramref name="a"/> integer weights over the
    /// <see cref="ClusterSums.Components"/> (a_0, the count's, unused): exact until the last division.
    /// </summary>
    public static double MeanStandardError(PairedSums sums, ReadOnlySpan<int> a)
    {
        var clusters = Require(sums);
        var total = BigInteger.Zero;
        for (var j = 1; j < ClusterSums.Components; j++)
        {
            for (var k = 1; k < ClusterSums.Components; k++)
            {
                if (a[j] != 0 && a[k] != 0)
                {
                    total += a[j] * a[k] * Centered(sums, clusters, j, k);
                }
            }
        }

        var n = (double)sums.Simulations;
        return Math.Sqrt(Inflation(clusters) * Math.Max(0.0, (double)total / (n * n)) / (n * n));
    }

    /// <summary>se of a statistic whose per-simulation influence is Σ_j c_j·z_j (plus a constant): the delta method by cluster.</summary>
    public static double DeltaStandardError(PairedSums sums, ReadOnlySpan<double> c)
    {
        var clusters = Require(sums);
        var n = (double)sums.Simulations;
        var psiSquares = 0.0;
        for (var j = 1; j < ClusterSums.Components; j++)
        {
            for (var k = 1; k < ClusterSums.Components; k++)
            {
                if (c[j] != 0 && c[k] != 0)
                {
                    psiSquares += c[j] * c[k] * ((double)Centered(sums, clusters, j, k) / (n * n));
                }
            }
        }

        return Math.Sqrt(Inflation(clusters) * Math.Max(0.0, psiSquares) / (n * n));
    }

    private static ClusterSums Require(PairedSums sums)
    {
        var clusters = sums.Clusters ?? throw new ArgumentException("The sums have no clusters.", nameof(sums));
        if (clusters.Clusters < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(sums), "A clustered interval needs at least two field blocks.");
        }

        return clusters;
    }

    /// <summary>B/(B − 1): the small-sample correction that makes size-1 clusters the sample variance (n − 1).</summary>
    private static double Inflation(ClusterSums clusters) => (double)clusters.Clusters / (clusters.Clusters - 1);

    /// <summary>n²·Σ_b z̃_bj·z̃_bk = n²·P_jk − n·(Z_j·P_0k + Z_k·P_0j) + Z_j·Z_k·P_00, with Z the totals and P the products.</summary>
    private static BigInteger Centered(PairedSums sums, ClusterSums clusters, int j, int k)
    {
        BigInteger n = sums.Simulations, zj = Total(sums, j), zk = Total(sums, k);
        BigInteger P(int p, int q) => (BigInteger)clusters.Product(p, q);
        return (n * n * P(j, k)) - (n * ((zj * P(ClusterSums.M, k)) + (zk * P(ClusterSums.M, j)))) + (zj * zk * P(ClusterSums.M, ClusterSums.M));
    }

    /// <summary>Σ_b z_bj: the component's total over every simulation.</summary>
    private static BigInteger Total(PairedSums sums, int component) => component switch
    {
        ClusterSums.X => sums.Variant.Sum,
        ClusterSums.Y => sums.Reference.Sum,
        ClusterSums.X2 => (BigInteger)sums.Variant.Squares,
        ClusterSums.Y2 => (BigInteger)sums.Reference.Squares,
        ClusterSums.F => sums.Variant.Firsts,
        ClusterSums.G => sums.Reference.Firsts,
        ClusterSums.I => sums.Variant.InTheMoney,
        ClusterSums.J => sums.Reference.InTheMoney,
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };
}
