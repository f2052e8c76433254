namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>The canonical params of a <c>market_share</c> run.</summary>
/// <param name="Model"><c>naive_ev</c>, <c>oracle</c> or <c>ridge</c>.</param>
/// <param name="ExcludedEntryKey">The entry a candidate will replace: left out of the shares, the oracle and the field size.</param>
public sealed record MarketShareParams(
    string CalcuttaId,
    string Model,
    string AdvancementArtifactId,
    string? ExcludedEntryKey);
