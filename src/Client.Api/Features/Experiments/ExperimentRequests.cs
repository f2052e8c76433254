namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// A seeded search for the entry that maximizes an objective (expected payout by default) in one pool: name exactly one of
/// <c>calcuttaId</c> and <c>syntheticCalcuttaId</c> (one copied from a real pool). Search settings have defaults.
/// </summary>
/// <param name="AdvancementArtifactId">The metrics of a succeeded advancement run: the pool's tournament, starting state and scoring.</param>
/// <param name="MarketShareArtifactId">The shares of a succeeded market-share run of the pool, with the same excluded entry.</param>
/// <param name="MasterSeed">0 or more; every simulation's seed derives from it.</param>
/// <param name="ExperimentId">1–64 letters, digits, '_', '-' or '.'; derived from the body when absent.</param>
/// <param name="ExcludedEntryKey">The entry whose seat the searched entry takes; absent: a synthetic calcutta's own.</param>
/// <param name="InitialCandidateId">A Lab candidate to start from; absent: the <c>dp-v1</c> optimum of the pinned artifacts.</param>
/// <param name="CandidatesPerIteration">1–32 (default 8).</param>
/// <param name="ScreeningSims">100–1,000,000 (default 2,000).</param>
/// <param name="EvaluationSims">100–5,000,000 (default 8,000).</param>
/// <param name="EvaluationSamples">1–16 (default 4).</param>
/// <param name="FinalSims">1,000–5,000,000 (default 100,000).</param>
/// <param name="MaxIterations">1–500 (default 20).</param>
/// <param name="Patience">Iterations without improvement before converging, 1–500 (default 5).</param>
/// <param name="PruneRule"><c>ucb</c> (default) or <c>none</c>.</param>
/// <param name="PruneZ">0–10 (default 1).</param>
/// <param name="FieldModel">
/// <c>real</c> (default: the pool's real entries — a best response in hindsight) or a modeled field, <c>market_sampled</c>
/// (drawn in proportion to <c>marketShareArtifactId</c>) or <c>history_resampled</c> (honest: fitted on other years).
/// A modeled field's intervals count field blocks of 1,000 simulations, so <c>screeningSims</c>, each evaluation sample
/// and <c>finalSims</c> need at least 30 of them (30,000 simulations).
/// </param>
/// <param name="FieldParametersArtifactId">Modeled fields: the <c>field_parameters</c> artifact of a <c>field_fit</c> run of the pool and model.</param>
/// <param name="Objective">What the search maximizes: <c>expected_payout</c> (default), <c>p_first</c>, <c>p_in_the_money</c> or <c>risk_adjusted</c> (mean − λ·sd of payout cents).</param>
/// <param name="RiskAversion">λ ≥ 0 of <c>risk_adjusted</c> (default 0); only with that objective.</param>
public sealed record CreateExperimentRequest(
    string AdvancementArtifactId,
    string MarketShareArtifactId,
    string StartingState,
    long MasterSeed,
    string? ExperimentId = null,
    string? Name = null,
    string? CalcuttaId = null,
    string? SyntheticCalcuttaId = null,
    string? FieldModel = null,
    string? FieldParametersArtifactId = null,
    string? ExcludedEntryKey = null,
    string? InitialCandidateId = null,
    int? CandidatesPerIteration = null,
    int? ScreeningSims = null,
    int? EvaluationSims = null,
    int? EvaluationSamples = null,
    int? FinalSims = null,
    int? MaxIterations = null,
    int? Patience = null,
    string? PruneRule = null,
    double? PruneZ = null,
    string? Objective = null,
    double? RiskAversion = null);
