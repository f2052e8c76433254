namespace LabSandbox.Grains.Interfaces.Lab;

/// <summary>One bid of a candidate entry.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CandidateBid")]
public sealed record CandidateBid(
    [property: Id(0)] string TeamId,
    [property: Id(1)] int BidPoints);

/// <summary>
/// An entry worth evaluating, with its provenance as typed fields. Its id is derived from the provenance
/// (a digest of pool, upstream artifact ids, optimizer, starting state and excluded entry), never from a display name (INV-8).
/// </summary>
/// <param name="SourceKind">What made it: <c>strategy_generation</c> or <c>experiment</c>.</param>
/// <param name="CalcuttaId">The pool it was made for (for an experiment over a synthetic calcutta, that calcutta's id).</param>
/// <param name="SourceRunId">The run that produced the bids (for an experiment, the final comparison run that measured them).</param>
/// <param name="BidsArtifactId">The run's <c>bids</c> artifact (its lineage walks back to the dataset digests).</param>
/// <param name="Objective">The optimizer's objective: Σ E·b / (M + b), in expected points captured.</param>
/// <param name="ExperimentId">The experiment whose search found it (first one, when several found the same bids).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.CandidateRecord")]
public sealed record CandidateRecord(
    [property: Id(0)] string CandidateId,
    [property: Id(1)] string SourceKind,
    [property: Id(2)] string CalcuttaId,
    [property: Id(3)] string TournamentId,
    [property: Id(4)] string AdvancementArtifactId,
    [property: Id(5)] string MarketShareArtifactId,
    [property: Id(6)] string OptimizerKey,
    [property: Id(7)] string StartingState,
    [property: Id(8)] string? ExcludedEntryKey,
    [property: Id(9)] string SourceRunId,
    [property: Id(10)] string BidsArtifactId,
    [property: Id(11)] IReadOnlyList<CandidateBid> Bids,
    [property: Id(12)] double Objective,
    [property: Id(13)] int SpendPoints,
    [property: Id(14)] string? ExperimentId = null);

public static class CandidateSourceKinds
{
    public const string StrategyGeneration = "strategy_generation";

    /// <summary>The best entry of an experiment; its identity is its pool, excluded entry and bids.</summary>
    public const string Experiment = "experiment";
}
