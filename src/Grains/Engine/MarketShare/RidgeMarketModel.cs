using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// Predicts a pool's market shares from the tournament alone, by a ridge regression trained on past pools: the
/// market is mostly a function of how strong a team looks (rating, seed), and that relation is stable across years.
/// Each team of each training pool is one row; its target is actual share × the tournament's team count, so every
/// year's targets average 1 whatever its field size. Deterministic: pools in the order given, teams by id ordinal.
/// </summary>
public sealed class RidgeMarketModel
{
    /// <summary>
    /// The ridge penalty. Against the ~480 rows of seven 68-team pools it is tiny (each slope feature's sum of squares
    /// is in the tens to hundreds), so it barely moves the fit; it is there to keep XᵀX + λP positive definite when
    /// the strongly correlated rating and seed columns are nearly dependent. Leave-one-year-out over the eight real
    /// pools, the mean absolute error rose by under 1% from λ = 0 to 0.1 and by about 5% at λ = 1, so 0.1 was kept.
    /// </summary>
    public const double Lambda = 0.1;

    /// <summary>A model with given coefficients (one per feature); internal so tests can pin the prediction step.</summary>
    internal RidgeMarketModel(double[] coefficients)
    {
        if (coefficients.Length != RidgeFeatures.Names.Count)
        {
            throw new ArgumentException($"Need {RidgeFeatures.Names.Count} coefficients, got {coefficients.Length}.", nameof(coefficients));
        }

        Coefficients = Array.AsReadOnly((double[])coefficients.Clone());
    }

    /// <summary>The features, in coefficient order; see <see cref="RidgeFeatures.Names"/> for what each means.</summary>
    public static IReadOnlyList<string> FeatureNames => RidgeFeatures.Names;

    /// <summary>One coefficient per feature of <see cref="FeatureNames"/>, in the same order.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Trains with the documented penalty <see cref="Lambda"/>.</summary>
    /// <exception cref="ArgumentException">No pools, or a pool whose shares cannot be taken (see <see cref="MarketShareModels.ActualShares"/>).</exception>
    public static RidgeMarketModel Train(IReadOnlyList<RidgeTrainingPool> pools) => Train(pools, Lambda);

    /// <summary>Trains with any penalty λ ≥ 0, so tests can watch the shrinkage.</summary>
    internal static RidgeMarketModel Train(IReadOnlyList<RidgeTrainingPool> pools, double lambda)
    {
        ArgumentNullException.ThrowIfNull(pools);
        if (pools.Count == 0)
        {
            throw new ArgumentException("Training needs at least one pool.", nameof(pools));
        }

        var rows = new List<double[]>();
        var targets = new List<double>();
        foreach (var pool in pools)
        {
            if (pool is null)
            {
                throw new ArgumentException("Training pools contain a null pool.", nameof(pools));
            }

            var (teamIds, featureRows) = RidgeFeatures.For(pool.Tournament);
            var actual = MarketShareModels.ActualShares(pool.Tournament, pool.Pool, pool.ExcludedEntryKey);

            // Both lists are in team id ordinal order over the same teams, so they pair up by index.
            for (var i = 0; i < teamIds.Count; i++)
            {
                rows.Add(featureRows[i]);
                targets.Add(actual.Teams[i].Share * teamIds.Count);
            }
        }

        return new RidgeMarketModel(RidgeRegression.Fit(rows, targets, lambda));
    }

    /// <summary>
    /// x·β per team, clipped at 0 (a negative share is meaningless; the linear fit dips below 0 for weak teams),
    /// normalized to sum 1. If every prediction clips to 0 the model has no signal for this tournament, and the
    /// shares fall back to uniform rather than failing.
    /// </summary>
    /// <exception cref="ArgumentException">The tournament has no teams or invalid teams (see <see cref="RidgeFeatures.For"/>).</exception>
    public MarketShares Predict(BracketTournament tournament)
    {
        var (teamIds, rows) = RidgeFeatures.For(tournament);
        var weights = new KeyValuePair<string, double>[teamIds.Count];
        var anyPositive = false;
        for (var i = 0; i < teamIds.Count; i++)
        {
            var value = 0.0;
            for (var k = 0; k < rows[i].Length; k++)
            {
                value += rows[i][k] * Coefficients[k];
            }

            var clipped = value > 0 ? value : 0.0;
            anyPositive |= clipped > 0;
            weights[i] = new KeyValuePair<string, double>(teamIds[i], clipped);
        }

        return anyPositive ? ShareNormalization.Normalize(weights) : ShareNormalization.Uniform(teamIds);
    }
}
