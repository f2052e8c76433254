using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Silo.Backtest;

/// <summary>The backtest's columns (keys agreed with the web page), in table order, and which of them used hindsight.</summary>
public static class BacktestStrategies
{
    public const string NaiveEv = "naive_ev";
    public const string Ridge = "ridge";
    public const string ExperimentModeled = "experiment_modeled";
    public const string ExperimentReal = "experiment_real";
    public const string Oracle = "oracle";
    public const string RealEntry = "real_entry";
    public const string FieldAverage = "field_average";

    public static readonly IReadOnlyList<BacktestStrategy> All =
    [
        new(NaiveEv, "naive_ev dp-v1", false, "The Lab's dp-v1 entry priced with the naive_ev market model (no bids of the target year)."),
        new(Ridge, "ridge dp-v1", false, "The Lab's dp-v1 entry priced with the ridge market model, trained on the other years only."),
        new(ExperimentModeled, "experiment, modeled field", false,
            "An experiment from the ridge candidate, searched against a modeled field fitted on the other years: honest."),
        new(ExperimentReal, "experiment, real field (hindsight)", true,
            "An experiment from the ridge candidate, searched against the pool's real entries: a best response in hindsight."),
        new(Oracle, "oracle dp-v1 (hindsight)", true, "The Lab's dp-v1 entry priced with the pool's actual bids: an upper bound, not playable."),
        new(RealEntry, "excluded real entry", false, "The pool's lab_excluded_entry, as it was actually played."),
        new(FieldAverage, "field average", false, "The pool's total payout divided by its entries."),
    ];

    /// <summary>The strategies a player could have used (the summary's subjects): no hindsight, not a benchmark.</summary>
    public static bool IsHonestStrategy(BacktestStrategy strategy) =>
        !strategy.Hindsight && strategy.Key is not (RealEntry or FieldAverage);
}
