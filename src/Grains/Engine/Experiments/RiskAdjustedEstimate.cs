using System.Numerics;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// The risk-adjusted payout R = mean − λ·sd (sd: the plug-in standard deviation, dividing by n) and the paired gain
/// D = R(x) − R(y) of a variant's payouts x over its reference's y on the same simulations. Its standard error is
/// the delta method's: with u = x − x̄ and w = y − ȳ, D's influence per simulation is
/// ψ = (u − w) − α(u² − σx²) + β(w² − σy²), α = λ/(2σx), β = λ/(2σy), and se² = Σψ²/(n(n − 1)). Expanded, Σψ²
/// needs the centered moments μab = mean(u^a·w^b) for a + b ≤ 4 (a, b ≤ 2 when both appear), which are computed
/// exactly from the raw integer sums (binomial expansion in arbitrary precision) before turning into doubles, so no
/// cancellation between large raw moments loses the small centered ones. With λ = 0 it is the payout gain's s/√n.
/// An entry whose payout never varies has sd 0 and its term drops (α or β = 0). Over a modeled field the same ψ is
/// summed per field block (<see cref="ClusteredStatistics.DeltaStandardError"/>).
/// </summary>
public static class RiskAdjustedEstimate
{
    public static ObjectiveEstimate Gain(double riskAversion, PairedSums sums, double z)
    {
        var n = sums.Simulations;
        var lambda = riskAversion;
        double Mu(int a, int b) => Centered(sums, a, b);
        var (m20, m02, m11) = (Mu(2, 0), Mu(0, 2), Mu(1, 1));
        var (sx, sy) = (Math.Sqrt(m20), Math.Sqrt(m02));
        var alpha = sx > 0 ? lambda / (2 * sx) : 0;
        var beta = sy > 0 ? lambda / (2 * sy) : 0;
        var psiSquares = (m20 - (2 * m11) + m02)
            + (alpha * alpha * (Mu(4, 0) - (m20 * m20)))
            + (beta * beta * (Mu(0, 4) - (m02 * m02)))
            - (2 * alpha * (Mu(3, 0) - Mu(2, 1)))
            + (2 * beta * (Mu(1, 2) - Mu(0, 3)))
            - (2 * alpha * beta * (Mu(2, 2) - (m20 * m02)));
        var (meanX, meanY) = ((double)sums.Variant.Sum / n, (double)sums.Reference.Sum / n);
        var se = sums.Clusters is null
            ? Math.Sqrt(Math.Max(0.0, psiSquares) / (n - 1))
            : ClusteredStatistics.DeltaStandardError(sums, Influence(alpha, beta, meanX, meanY));
        var value = (meanX - (lambda * sx)) - (meanY - (lambda * sy));
        return new ObjectiveEstimate(ExperimentObjectives.RiskAdjusted, ExperimentObjectives.Cents, n, value, se, value - (z * se), value + (z * se), null);
    }

    /// <summary>
    /// ψ summed over a cluster, by component of z = (m, X, Y, X2, Y2, …): Σu = X − m·x̄ and Σu² = X2 − 2x̄·X + m·x̄², so
    /// ψ_b = (1 + 2αx̄)·X − (1 + 2βȳ)·Y − α·X2 + β·Y2 + (a multiple of m, which centering removes: Σ_b ψ_b = 0).
    /// </summary>
    private static double[] Influence(double alpha, double beta, double meanX, double meanY)
    {
        var c = new double[ClusterSums.Components];
        (c[ClusterSums.X], c[ClusterSums.Y]) = (1 + (2 * alpha * meanX), -1 - (2 * beta * meanY));
        (c[ClusterSums.X2], c[ClusterSums.Y2]) = (-alpha, beta);
        return c;
    }

    /// <summary>
    /// mean(u^a·w^b) exactly until the last division: with U = n·x − Σx and W = n·y − Σy (integers),
    /// Σ U^a·W^b = Σi Σj C(a,i)·C(b,j)·n^(i+j)·(−Σx)^(a−i)·(−Σy)^(b−j)·Σ x^i·y^j, and mean(u^a·w^b) = Σ U^a·W^b / n^(a+b+1).
    /// </summary>
    private static double Centered(PairedSums sums, int a, int b)
    {
        BigInteger n = sums.Simulations, sx = sums.Variant.Sum, sy = sums.Reference.Sum;
        var total = BigInteger.Zero;
        for (var i = 0; i <= a; i++)
        {
            for (var j = 0; j <= b; j++)
            {
                total += Binomial(a, i) * Binomial(b, j) * BigInteger.Pow(n, i + j)
                    * BigInteger.Pow(-sx, a - i) * BigInteger.Pow(-sy, b - j) * (BigInteger)sums.Moment(i, j);
            }
        }

        return (double)total / (double)BigInteger.Pow(n, a + b + 1);
    }

    private static int Binomial(int k, int i) => i == 0 || i == k ? 1 : k == 4 && i == 2 ? 6 : k;
}
