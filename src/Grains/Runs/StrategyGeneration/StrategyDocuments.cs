namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>
/// One bid of the optimized entry: the team's expected points E, the others' predicted bids M, the points
/// the bid is expected to capture (E·b / (M + b)) and that per bid point (expected ROI).
/// </summary>
public sealed record StrategyBidRow(
    string TeamId,
    int BidPoints,
    double ExpectedPoints,
    double MarketPoints,
    double CapturedPoints,
    double ExpectedRoi);

/// <summary>The bounds the optimizer honoured (from the pool's rules).</summary>
public sealed record StrategyBounds(int BudgetPoints, int MinTeams, int MaxTeams, int MinBidPoints, int MaxBidPoints);

/// <summary>
/// The <c>metrics</c> artifact of a strategy-generation run: the provenance and the optimized entry.
/// Deterministic content only (no run id or clock), so equal inputs give equal bytes.
/// </summary>
public sealed record StrategyMetrics(
    string Kind,
    string EngineVersion,
    string CandidateId,
    string CalcuttaId,
    string TournamentId,
    string AdvancementArtifactId,
    string MarketShareArtifactId,
    string OptimizerKey,
    string StartingState,
    string? ExcludedEntryKey,
    StrategyBounds Bounds,
    double Objective,
    int SpendPoints,
    int TeamCount,
    IReadOnlyList<StrategyBidRow> Bids);
