using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;
using static LabSandbox.Engine.Tests.MarketShare.MarketShareFixtures;

namespace LabSandbox.Engine.Tests.MarketShare;

public sealed class RidgeMarketModelTests
{
    [Fact]
    public void Features_are_computed_from_the_tournament_as_documented()
    {
        // Ratings 10, 0, −10 and a missing one (counted as the minimum, −10): mean −2.5, population variance 68.75.
        var tournament = Tournament(
            Team("d", seed: 16, kenPom: null, firstFour: true), Team("a", seed: 1, kenPom: 10),
            Team("c", seed: 9, kenPom: -10), Team("b", seed: 5, kenPom: 0));
        var sd = Math.Sqrt(68.75);

        var (ids, rows) = RidgeFeatures.For(tournament);

        Assert.Equal(["intercept", "kenpom_z", "kenpom_z_sq", "seed_strength", "seed_strength_sq", "first_four"], RidgeMarketModel.FeatureNames);
        Assert.Equal(["a", "b", "c", "d"], ids);
        AssertRow([1, 12.5 / sd, 156.25 / 68.75, 1, 1, 0], rows[0]);
        AssertRow([1, 2.5 / sd, 6.25 / 68.75, 0.75, 0.5625, 0], rows[1]);
        AssertRow([1, -7.5 / sd, 56.25 / 68.75, 0.5, 0.25, 0], rows[2]);
        AssertRow([1, -7.5 / sd, 56.25 / 68.75, 0.0625, 0.00390625, 1], rows[3]);
    }

    [Fact]
    public void Without_any_ratings_the_rating_features_are_zero()
    {
        var (_, rows) = RidgeFeatures.For(Tournament(Team("a", kenPom: null), Team("b", seed: 2, kenPom: null)));
        Assert.All(rows, r => Assert.Equal((0.0, 0.0), (r[1], r[2])));
    }

    [Fact]
    public void Training_recovers_the_coefficients_of_an_exact_linear_market()
    {
        var (tournament, pool, scale) = SyntheticLinearMarket();

        var model = RidgeMarketModel.Train([new RidgeTrainingPool(tournament, pool, "P005")], lambda: 1e-9);

        // Bias of ridge: λ(XᵀX + λP)⁻¹Pβ, at most λ‖β‖/μ where μ ≈ 0.036 is the smallest eigenvalue of this design's
        // XᵀX (16 rows; seed strength and its square are close to collinear): ≤ 1e-9 · 2.3 / 0.036 < 1e-7. Rounding
        // adds about cond(XᵀX) ≈ 1.2e3 times ε. So 1e-6 catches any real error while leaving room for both.
        Assert.All(model.Coefficients.Zip(SyntheticBeta), p => Assert.Equal(p.Second * scale, p.First, 1e-6));
    }

    [Fact]
    public void Training_needs_the_excluded_entry_removed()
    {
        // Counting the excluded entry's bids (all on one weak team) breaks the exact linear relation.
        var (tournament, pool, scale) = SyntheticLinearMarket();

        var model = RidgeMarketModel.Train([new RidgeTrainingPool(tournament, pool, null)], lambda: 1e-9);

        Assert.Contains(model.Coefficients.Zip(SyntheticBeta), p => Math.Abs(p.First - (p.Second * scale)) > 1e-3);
    }

    [Fact]
    public void Larger_penalties_shrink_the_slopes()
    {
        var (tournament, pool, _) = SyntheticLinearMarket();
        var pools = new[] { new RidgeTrainingPool(tournament, pool, "P005") };
        var lambdas = new[] { 0.0, 0.01, 0.1, 1, 10, 100, 1e4, 1e9 };

        var norms = lambdas.Select(l => SlopeNorm(RidgeMarketModel.Train(pools, l))).ToList();

        for (var i = 1; i < norms.Count; i++)
        {
            Assert.True(norms[i] < norms[i - 1], $"slope norm {norms[i]} at λ={lambdas[i]} is not below {norms[i - 1]} at λ={lambdas[i - 1]}");
        }

        // Fully shrunk, the model is the intercept alone: the mean target, which is 1 by construction (share × teams).
        var flat = RidgeMarketModel.Train(pools, 1e13);
        Assert.True(SlopeNorm(flat) < 1e-9);
        Assert.Equal(1.0, flat.Coefficients[0], 1e-9);
    }

    [Fact]
    public void Predictions_below_zero_are_clipped_and_the_rest_normalized()
    {
        // −0.5 + seed strength: positive only above seed 9 (strength 0.5).
        var tournament = Tournament(Team("a", seed: 1), Team("b", seed: 5), Team("c", seed: 9), Team("d", seed: 16));
        var model = new RidgeMarketModel([-0.5, 0, 0, 1, 0, 0]);

        var shares = model.Predict(tournament);

        AssertValid(shares, tournament);
        Assert.Equal(0.5 / 0.75, ShareOf(shares, "a"), 15);
        Assert.Equal(0.25 / 0.75, ShareOf(shares, "b"), 15);
        Assert.Equal(0.0, ShareOf(shares, "c"));
        Assert.Equal(0.0, ShareOf(shares, "d"));
    }

    [Fact]
    public void When_every_prediction_clips_to_zero_the_shares_are_uniform()
    {
        var tournament = Tournament(Team("a", seed: 1), Team("b", seed: 5), Team("c", seed: 9));
        var shares = new RidgeMarketModel([-1, 0, 0, 0, 0, 0]).Predict(tournament);

        AssertValid(shares, tournament);
        Assert.All(shares.Teams, t => Assert.Equal(1.0 / 3, t.Share, 15));
    }

    [Fact]
    public void Training_without_pools_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => RidgeMarketModel.Train([]));
    }

    private static readonly double[] SyntheticBeta = [1.0, 0.25, 0.125, 1.0, 2.0, -0.25];

    /// <summary>
    /// 16 teams, seeds 1..16, whose bid points are exactly 256 × x·β. Every feature is a dyadic rational (ratings
    /// ±3, ±2, ±1, 0 with mean 0 and standard deviation exactly 2; seed strengths in sixteenths), so x·β is exact in
    /// floating point and the only targets are the linear ones. Targets are share × 16 = x·β × 16 / Σx·β, so the
    /// recoverable coefficients are β scaled by <c>scale</c> = 16 / Σx·β. An excluded entry bids on a weak team only.
    /// </summary>
    private static (BracketTournament Tournament, PoolBids Pool, double Scale) SyntheticLinearMarket()
    {
        double[] ratings = [3, -3, 3, -3, 2, -2, 2, -2, 2, -2, 1, -1, 1, -1, 0, 0];
        var teams = Enumerable.Range(1, 16)
            .Select(seed => Team($"t{seed:D2}", seed, ratings[5 * seed % 16], firstFour: seed is 11 or 16))
            .ToArray();
        var tournament = Tournament(teams);

        var (ids, rows) = RidgeFeatures.For(tournament);
        var values = rows.Select(r => r.Zip(SyntheticBeta, (x, b) => x * b).Sum()).ToArray();
        var bids = ids.Select((id, i) => (id, checked((int)(values[i] * 256)))).ToArray();
        Assert.All(bids.Zip(values), p => Assert.Equal(p.Second * 256, p.First.Item2));

        var excluded = new PoolEntrant("P005", [new EntrantBid("t15", 5000)]);
        var pool = Pool(Entry("P001", bids), excluded);
        return (tournament, pool, 16 / values.Sum());
    }

    private static double SlopeNorm(RidgeMarketModel model) => Math.Sqrt(model.Coefficients.Skip(1).Sum(b => b * b));

    private static void AssertRow(double[] expected, double[] actual) =>
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-12));
}
