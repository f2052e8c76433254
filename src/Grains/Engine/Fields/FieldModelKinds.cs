namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// The names and versions of the field models: where a pool's opponents come from. A run that uses a modeled field
/// pins the kind, the version below and its fitted parameters, so a later change of the sampler shows as a new version
/// rather than silently changing old numbers.
/// </summary>
public static class FieldModelKinds
{
    /// <summary>The pool's actual entries: hindsight when used to choose an entry, since bids are sealed.</summary>
    public const string Real = "real";

    /// <summary>Opponents drawn from entry profiles of other years, teams chosen in proportion to a market prediction.</summary>
    public const string MarketSampled = "market_sampled";

    /// <summary>Real entries of other years mapped onto this year's teams by seed line and rating rank.</summary>
    public const string HistoryResampled = "history_resampled";

    /// <summary>Profile bootstrap + systematic πps team choice + uniform amount assignment + <see cref="RuleFitting"/>.</summary>
    public const string MarketSampledVersion = "market-sampled-v1";

    /// <summary>Whole-entry bootstrap + quantile seed-line mapping + <see cref="RuleFitting"/>.</summary>
    public const string HistoryResampledVersion = "history-resampled-v1";
}
