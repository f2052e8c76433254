using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>One team of a <c>market_share</c> artifact: predicted and actual share, and the market points the optimizer faces.</summary>
public sealed record MarketShareRow(string TeamId, double Share, double ActualShare, double MarketPoints);

/// <summary>The <c>market_share</c> artifact: every team of the tournament, by team id.</summary>
public sealed record MarketShareDocument(
    string Model,
    string CalcuttaId,
    string? ExcludedEntryKey,
    int BudgetPoints,
    int FieldEntries,
    IReadOnlyList<MarketShareRow> Teams);

/// <summary>A trained ridge model: what it learned from, so it can be audited.</summary>
public sealed record RidgeTrainingSummary(
    IReadOnlyList<DatasetRef> TrainingPools,
    double Lambda,
    IReadOnlyList<string> Features,
    IReadOnlyList<double> Coefficients);

/// <summary>
/// The <c>metrics</c> artifact of a market-share run: the model's mean absolute error against the pool's
/// actual shares (without the excluded entry), so models can be compared. Deterministic content only.
/// </summary>
public sealed record MarketShareMetrics(
    string Kind,
    string EngineVersion,
    string Model,
    string CalcuttaId,
    string TournamentId,
    string? ExcludedEntryKey,
    string AdvancementArtifactId,
    int TeamCount,
    int FieldEntries,
    double MeanAbsoluteError,
    RidgeTrainingSummary? Ridge);
