using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Datasets;
using Xunit.Abstractions;

namespace LabSandbox.Engine.Tests.MarketShare;

/// <summary>
/// The ridge model on the bundled real pools, leave one year out: trained on the other seven pools, it must
/// predict the held-out pool better than the no-information baseline (every team the same share).
/// </summary>
public sealed class RidgeRealDataTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(RealData.GoldenYears), MemberType = typeof(RealData))]
    public void Held_out_year_is_predicted_better_than_uniform_shares(int heldOut)
    {
        Assert.Equal(8, PooledYears().Count);
        var training = PooledYears().Where(y => y.Tournament.Year != heldOut).Select(TrainingPool).ToList();
        Assert.Equal(7, training.Count);
        var test = TrainingPool(PooledYears().Single(y => y.Tournament.Year == heldOut));

        var model = RidgeMarketModel.Train(training);
        var predicted = model.Predict(test.Tournament);
        var actual = MarketShareModels.ActualShares(test.Tournament, test.Pool, test.ExcludedEntryKey);
        var uniform = ShareNormalization.Uniform(test.Tournament.Teams.Select(t => t.TeamId));

        MarketShareFixtures.AssertValid(predicted, test.Tournament);
        var ridgeMae = MarketShareModels.MeanAbsoluteError(predicted, actual);
        var uniformMae = MarketShareModels.MeanAbsoluteError(uniform, actual);
        var naiveEvMae = MarketShareModels.MeanAbsoluteError(NaiveEv(heldOut), actual);
        output.WriteLine(
            $"{heldOut}: ridge MAE {ridgeMae:F5}, uniform MAE {uniformMae:F5}, naive_ev MAE {naiveEvMae:F5}; " +
            $"β = [{string.Join(", ", model.Coefficients.Select(b => b.ToString("F4")))}]");
        Assert.True(ridgeMae < uniformMae, $"{heldOut}: ridge MAE {ridgeMae} is not below the uniform MAE {uniformMae}");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var pools = PooledYears().Select(TrainingPool).ToList();

        var first = RidgeMarketModel.Train(pools);
        var second = RidgeMarketModel.Train(pools);

        Assert.Equal(first.Coefficients, second.Coefficients);
        Assert.Equal(RidgeMarketModel.FeatureNames.Count, first.Coefficients.Count);
    }

    [Fact]
    public void Real_slopes_shrink_as_the_penalty_grows()
    {
        var pools = PooledYears().Select(TrainingPool).ToList();
        var lambdas = new[] { 0.0, RidgeMarketModel.Lambda, 10, 1e3, 1e6 };

        var norms = lambdas
            .Select(l => RidgeMarketModel.Train(pools, l).Coefficients.Skip(1).Sum(b => b * b))
            .ToList();

        for (var i = 1; i < norms.Count; i++)
        {
            Assert.True(norms[i] < norms[i - 1], $"squared slope norm {norms[i]} at λ={lambdas[i]} is not below {norms[i - 1]}");
        }
    }

    // Read once for the class: the shared RealData helper exposes tournaments only, not their pools.
    private static readonly Lazy<IReadOnlyList<RealYear>> Pooled = new(() =>
        RealDataReader.ReadFolder(RealData.Folder).Where(y => y.Calcutta is not null).ToList());

    private static IReadOnlyList<RealYear> PooledYears() => Pooled.Value;

    private static RidgeTrainingPool TrainingPool(RealYear year)
    {
        var pool = year.Calcutta ?? throw new InvalidOperationException($"{year.Tournament.Year} has no pool.");
        return new RidgeTrainingPool(
            year.Tournament.ToBracketTournament(), pool.ToPoolBids(), pool.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey);
    }

    /// <summary>The naive expected-value market from the golden expected points (printed for comparison only).</summary>
    private static MarketShares NaiveEv(int year) =>
        MarketShareModels.NaiveEvShares(RealData.Golden(year).Teams.ToDictionary(t => t.SchoolSlug, t => t.ExpectedPointsRealRules));
}
