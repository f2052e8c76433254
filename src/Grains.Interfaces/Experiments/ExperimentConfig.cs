using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// What an experiment searches over, fixed at creation: the pinned pool (a real pool or a synthetic calcutta
/// version, by digest), the pinned advancement and market artifacts, the starting state, the entry replaced,
/// the entry the search starts from, the master seed and the search settings.
/// </summary>
/// <param name="Sigma">The win model's σ, read from the pinned advancement run.</param>
/// <param name="Rules">The pool's rules every proposed entry obeys.</param>
/// <param name="InitialCandidateId">The Lab candidate the search starts from; null: the <c>dp-v1</c> optimum of the pinned artifacts.</param>
/// <param name="InitialBids">The starting entry's bids, resolved at creation (ordered by team id).</param>
/// <param name="FieldModel">Who the seat plays against: <c>real</c> (the pool's entries: hindsight), <c>market_sampled</c> or <c>history_resampled</c> (honest).</param>
/// <param name="FieldParametersArtifactId">The pinned <c>field_parameters</c> artifact of a modeled field; null for <c>real</c>.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentConfig")]
public sealed record ExperimentConfig(
    [property: Id(0)] DatasetRef Pool,
    [property: Id(1)] DatasetRef Tournament,
    [property: Id(2)] string AdvancementArtifactId,
    [property: Id(3)] string MarketShareArtifactId,
    [property: Id(4)] string StartingState,
    [property: Id(5)] string? ExcludedEntryKey,
    [property: Id(6)] double Sigma,
    [property: Id(7)] PoolRules Rules,
    [property: Id(8)] string? InitialCandidateId,
    [property: Id(9)] IReadOnlyList<EntryBid> InitialBids,
    [property: Id(10)] long MasterSeed,
    [property: Id(11)] ExperimentSearchSettings Search,
    [property: Id(12)] string FieldModel = FieldHonesty.RealFieldModel,
    [property: Id(13)] string? FieldParametersArtifactId = null);

/// <summary>How the search proposes, evaluates, prunes and stops (see docs/experiments.md).</summary>
/// <param name="CandidatesPerIteration">Challengers proposed per iteration.</param>
/// <param name="ScreeningSims">Simulations of the first, small batch every challenger gets (sample 0).</param>
/// <param name="EvaluationSims">Further simulations of each challenger that survives screening, split over <paramref name="EvaluationSamples"/> runs.</param>
/// <param name="FinalSims">Simulations of the final comparison, best entry against the initial one, on fresh seeds.</param>
/// <param name="Patience">Iterations in a row without an accepted challenger after which the search stops.</param>
/// <param name="PruneRule"><c>ucb</c> (prune when the gain's upper bound after screening is below zero) or <c>none</c>.</param>
/// <param name="PruneZ">z of the pruning bound (gain + z·se).</param>
/// <param name="Objective">What the search maximizes: <c>expected_payout</c> (default), <c>p_first</c>, <c>p_in_the_money</c> or <c>risk_adjusted</c>.</param>
/// <param name="RiskAversion">λ of <c>risk_adjusted</c> (mean − λ·sd of payout cents), ≥ 0; 0 for the other objectives.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentSearchSettings")]
public sealed record ExperimentSearchSettings(
    [property: Id(0)] int CandidatesPerIteration,
    [property: Id(1)] int ScreeningSims,
    [property: Id(2)] int EvaluationSims,
    [property: Id(3)] int EvaluationSamples,
    [property: Id(4)] int FinalSims,
    [property: Id(5)] int MaxIterations,
    [property: Id(6)] int Patience,
    [property: Id(7)] string PruneRule,
    [property: Id(8)] double PruneZ,
    [property: Id(9)] string Objective = "expected_payout",
    [property: Id(10)] double RiskAversion = 0);

public static class PruneRules
{
    public const string UpperConfidenceBound = "ucb";
    public const string None = "none";
}
