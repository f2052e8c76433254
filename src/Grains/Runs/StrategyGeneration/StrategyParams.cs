namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>The canonical params of a <c>strategy_generation</c> run: every upstream artifact is explicit (INV-7).</summary>
public sealed record StrategyParams(
    string CalcuttaId,
    string AdvancementArtifactId,
    string MarketShareArtifactId,
    string OptimizerKey,
    string StartingState,
    string? ExcludedEntryKey);
