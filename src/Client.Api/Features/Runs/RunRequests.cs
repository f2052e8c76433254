using System.ComponentModel;
using System.Text.Json.Serialization;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Runs;

/// <summary>A run request: <c>kind</c> says which, and the kind's fields follow (in any order).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AdvancementRunRequest), "advancement")]
[JsonDerivedType(typeof(SimulationRunRequest), "simulation")]
[JsonDerivedType(typeof(MarketShareRunRequest), "market_share")]
[JsonDerivedType(typeof(StrategyGenerationRunRequest), "strategy_generation")]
[JsonDerivedType(typeof(RetentionRunRequest), "retention")]
[JsonDerivedType(typeof(FieldFitRunRequest), "field_fit")]
public abstract record CreateRunRequest;

/// <summary>A win model: KenPom ratings through a logistic curve of scale <c>sigma</c>.</summary>
/// <param name="Kind">Only <c>kenpom-logistic</c>.</param>
/// <param name="Sigma">The logistic scale in KenPom points, finite and greater than 0 (default 10).</param>
public sealed record WinModelRequest(string Kind, double? Sigma = null);

/// <summary>Each team's probability of reaching every round, and its expected points.</summary>
/// <param name="StartingState"><c>pre_tournament</c>, <c>post_first_four</c> or <c>through_round:N</c>.</param>
/// <param name="ScoringRules">Points per win (<c>winIndex</c> 1–7); the house rules when absent.</param>
public sealed record AdvancementRunRequest(
    string TournamentId, WinModelRequest Model, string StartingState, IReadOnlyList<ScoringRule>? ScoringRules = null) : CreateRunRequest;

/// <summary>
/// Monte Carlo simulation of a pool (a real one, or a synthetic calcutta's current version) over an advancement
/// run's metrics. Name exactly one of <c>calcuttaId</c> and <c>syntheticCalcuttaId</c>.
/// </summary>
/// <param name="NSims">1 to 100,000,000 simulations.</param>
/// <param name="Seed">0 or more.</param>
/// <param name="ExcludedEntryKey">
/// The entry left out of the field. Absent: a synthetic calcutta's own excluded entry (none for a real pool);
/// an explicit <c>null</c>: nobody excluded.
/// </param>
/// <param name="FocusCandidateId">Synthetic calcuttas only; absent: its own focus candidate, <c>null</c>: none.</param>
/// <param name="ChunkSize">Simulations per chunk grain, 1,000 to 10,000,000 (default 250,000).</param>
/// <param name="FieldModel">
/// <c>real</c> (default: the pool's entries), or a modeled field — <c>market_sampled</c> or <c>history_resampled</c> — whose
/// opponents replace the seat's real opponents (as many), drawn anew every 1,000 simulations; the seat is the focus
/// candidate, else the excluded entry (one of them is required).
/// </param>
/// <param name="FieldParametersArtifactId">Modeled fields: the <c>field_parameters</c> artifact of a <c>field_fit</c> run of the pool and model.</param>
/// <param name="MarketShareArtifactId"><c>market_sampled</c> only: the market shares (same pool and excluded entry) the draws are proportional to.</param>
public sealed record SimulationRunRequest(
    string AdvancementArtifactId,
    long NSims,
    long Seed,
    string StartingState,
    string? CalcuttaId = null,
    string? SyntheticCalcuttaId = null,
    string? ExcludedEntryKey = null,
    string? FocusCandidateId = null,
    long? ChunkSize = null,
    string? FieldModel = null,
    string? FieldParametersArtifactId = null,
    string? MarketShareArtifactId = null) : CreateRunRequest;

/// <summary>Each team's predicted share of a pool's money under a market model.</summary>
/// <param name="Model"><c>naive_ev</c>, <c>oracle</c> or <c>ridge</c>.</param>
/// <param name="ExcludedEntryKey">An entry of the pool left out of the market.</param>
public sealed record MarketShareRunRequest(
    string CalcuttaId, string Model, string AdvancementArtifactId, string? ExcludedEntryKey = null) : CreateRunRequest;

/// <summary>The optimizer's entry for a pool from pinned advancement and market-share artifacts.</summary>
/// <param name="OptimizerKey">Only <c>dp-v1</c>.</param>
public sealed record StrategyGenerationRunRequest(
    string CalcuttaId,
    string AdvancementArtifactId,
    string MarketShareArtifactId,
    string OptimizerKey,
    string StartingState,
    string? ExcludedEntryKey = null) : CreateRunRequest;

/// <summary>Deletes the stored bytes of artifacts older than a number of days (their records and lineage stay).</summary>
/// <param name="OlderThanDays">0 to 36,500.</param>
/// <param name="DryRun">Only report what would be deleted (the default).</param>
public sealed record RetentionRunRequest(int OlderThanDays, [property: DefaultValue(true)] bool? DryRun = null) : CreateRunRequest;

/// <summary>
/// Fits a field model's parameters for a real pool on the real pools of the other years (never the pool's own year):
/// its <c>field_parameters</c> artifact is what modeled-field simulations and experiments pin.
/// </summary>
/// <param name="FieldModel"><c>market_sampled</c> or <c>history_resampled</c>.</param>
public sealed record FieldFitRunRequest(string CalcuttaId, string FieldModel) : CreateRunRequest;
