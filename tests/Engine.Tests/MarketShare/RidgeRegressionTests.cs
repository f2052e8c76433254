using LabSandbox.Grains.Engine.MarketShare;

namespace LabSandbox.Engine.Tests.MarketShare;

/// <summary>The closed-form solver on its own, on data from an exact linear model.</summary>
public sealed class RidgeRegressionTests
{
    private static readonly double[] TrueBeta = [0.7, -1.3, 2.1, 0.4];

    // 30 rows of three smooth, non-collinear features (deterministic: no random generator to drift between runtimes).
    private static (double[][] Rows, double[] Targets) ExactLinear()
    {
        var rows = Enumerable.Range(0, 30)
            .Select(i => new[] { 1.0, Math.Sin(i), Math.Cos(0.7 * i), (i % 7) / 7.0 })
            .ToArray();
        var targets = rows.Select(r => r.Zip(TrueBeta, (x, b) => x * b).Sum()).ToArray();
        return (rows, targets);
    }

    [Fact]
    public void Without_penalty_the_exact_coefficients_come_back()
    {
        var (rows, targets) = ExactLinear();

        var beta = RidgeRegression.Fit(rows, targets, lambda: 0);

        // Only rounding separates them: a 4×4 well-conditioned system loses a few digits at most.
        Assert.All(beta.Zip(TrueBeta), p => Assert.Equal(p.Second, p.First, 1e-10));
    }

    [Fact]
    public void Penalty_shrinks_the_slopes_toward_zero_but_not_the_intercept()
    {
        var (rows, targets) = ExactLinear();
        var lambdas = new[] { 0.0, 0.1, 1, 10, 100, 1e4, 1e8 };

        var norms = lambdas.Select(l => SlopeNorm(RidgeRegression.Fit(rows, targets, l))).ToList();

        for (var i = 1; i < norms.Count; i++)
        {
            Assert.True(norms[i] < norms[i - 1], $"slope norm {norms[i]} at λ={lambdas[i]} is not below {norms[i - 1]} at λ={lambdas[i - 1]}");
        }

        // With the slopes penalized away, the unpenalized intercept is the least-squares constant: the target mean.
        var flat = RidgeRegression.Fit(rows, targets, 1e12);
        Assert.True(SlopeNorm(flat) < 1e-9);
        Assert.Equal(targets.Average(), flat[0], 1e-8);
    }

    [Fact]
    public void Dependent_columns_without_penalty_are_rejected_and_any_penalty_fixes_them()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new[] { 1.0, i, 2.0 * i }).ToArray();
        var targets = rows.Select(r => 1 + r[1]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => RidgeRegression.Fit(rows, targets, 0));
        Assert.Contains("singular", error.Message);

        // For any λ > 0 the penalized slopes lie along (1, 2), the columns' shared direction, so β₂ = 2β₁ up to
        // rounding (≈ ε·‖XᵀX‖/λ ≈ 1e-10 here). The fit is shrunk by λ / (5·Σ(i − 4.5)² + λ) ≈ 2.4e-6 of a slope of 1,
        // at most 4.5 away from the mean: about 1e-5, well inside 1e-4.
        var beta = RidgeRegression.Fit(rows, targets, 1e-3);
        Assert.Equal(beta[1] * 2, beta[2], 1e-8);
        Assert.All(rows.Zip(targets), p => Assert.Equal(p.Second, p.First.Zip(beta, (x, b) => x * b).Sum(), 1e-4));
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var (rows, targets) = ExactLinear();
        Assert.Throws<ArgumentException>(() => RidgeRegression.Fit([], [], 1));
        Assert.Throws<ArgumentException>(() => RidgeRegression.Fit(rows, targets[1..], 1));
        Assert.Throws<ArgumentException>(() => RidgeRegression.Fit(rows, targets, -1));
        Assert.Throws<ArgumentException>(() => RidgeRegression.Fit(rows, targets, double.NaN));
        Assert.Throws<ArgumentException>(() => RidgeRegression.Fit([[1.0, 2.0], [1.0]], [1.0, 2.0], 1));
    }

    private static double SlopeNorm(double[] beta) => Math.Sqrt(beta.Skip(1).Sum(b => b * b));
}
