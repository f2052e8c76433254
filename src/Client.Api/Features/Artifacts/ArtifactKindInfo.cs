using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>
/// What each artifact kind the run handlers write is, in a sentence, and what its tables are called — so a preview reads as
/// "Teams: advancement probabilities by round", not as a JSON path. Kinds without an entry still render, by their paths.
/// </summary>
public static class ArtifactKindInfo
{
    public const string EntryDistributions = "entry_distributions";
    public const string MarketShare = "market_share";
    public const string Bids = "bids";
    public const string FieldParameters = "field_parameters";

    /// <summary>A one-line description of the kind, by the run kind that wrote it where a kind means different things.</summary>
    public static string Describe(string kind, string? runKind) => (kind, runKind) switch
    {
        (ArtifactKinds.Metrics, RunKinds.Advancement) => "Exact advancement probabilities: each team's chance to reach every round, and its expected points.",
        (ArtifactKinds.Metrics, RunKinds.Simulation) => "Simulation metrics: every entry's expected payout, finishing probabilities and points, and each team's simulated progress.",
        (ArtifactKinds.Metrics, RunKinds.PairedSimulation) => "Paired simulation metrics: each entry variant's payout and its paired gain over the first, with 95% intervals.",
        (ArtifactKinds.Metrics, RunKinds.MarketShare) => "Market-share metrics: the model's mean absolute error against the pool's actual shares (and a ridge model's training).",
        (ArtifactKinds.Metrics, RunKinds.StrategyGeneration) => "Strategy metrics: the optimized entry's provenance, bounds, objective and bids.",
        (ArtifactKinds.Metrics, RunKinds.Experiment) => "Experiment report: how the search ended and the best entry it found.",
        (ArtifactKinds.Metrics, RunKinds.Retention) => "Retention report: what the run scanned, and which heavy artifacts it tombstoned and deleted.",
        (ArtifactKinds.Metrics, RunKinds.LabGeneration) => "Lab generation report: for every pool, whether a candidate was created, skipped or failed, with its runs.",
        (ArtifactKinds.Metrics, RunKinds.FieldFit) => "Field fit report: the field model fitted for the pool, the other years' pools it was fitted on, and its entries' team counts.",
        (ArtifactKinds.Metrics, RunKinds.CohortSimulation) => "Cohort simulation report: the simulation recorded in the cohort and each member's run.",
        (ArtifactKinds.Metrics, _) => "The run's metrics document.",
        (ArtifactKinds.Advancement, _) => "Advancement probabilities as JSON Lines: a team per line, its chance to reach each round and its expected points.",
        (EntryDistributions, _) => "Entry distributions as JSON Lines: an entry per line, its finishing-position counts and its payout histogram.",
        (MarketShare, _) => "Market shares: each team's predicted and actual share of the pool's bids, and the market points the optimizer faces.",
        (FieldParameters, _) => "Fitted field-model parameters: real entries of the other years (shapes or seed-line bids) that modeled opponents are drawn from.",
        (Bids, RunKinds.PairedSimulation) => "The entry variants a paired simulation evaluated, with their bids.",
        (Bids, _) => "The optimized entry: a bid per team with its expected points, predicted market and expected return.",
        (ArtifactKinds.Failure, _) => "A failed attempt: the error, the params it ran with and the run's last events.",
        _ => "An artifact of kind " + kind + ".",
    };

    /// <summary>A table's title: by its path, with the kind deciding what a JSON Lines artifact's rows are.</summary>
    public static string TableTitle(string kind, string table) => (kind, table) switch
    {
        (_, ArtifactTabular.FieldsTable) => "Fields",
        (ArtifactKinds.Advancement, ArtifactTabular.RowsTable) => "Teams: advancement probabilities by round",
        (EntryDistributions, ArtifactTabular.RowsTable) => "Entries: finishing positions and payouts",
        (Bids, ArtifactTabular.RowsTable) => "Bids",
        (_, "teams") when kind == ArtifactKinds.Metrics => "Teams",
        (_, "entries") => "Entries by expected payout",
        (_, "datasetRefs") => "Pinned datasets",
        (_, "lastEvents") => "Last events before the failure",
        _ => ArtifactCells.Label(table),
    };
}
