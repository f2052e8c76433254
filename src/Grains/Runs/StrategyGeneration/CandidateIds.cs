using LabSandbox.Grains.Common;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>
/// Candidate identity (INV-8): a digest of what made the candidate — pool, upstream artifacts, optimizer,
/// starting state and excluded entry — so generating the same thing twice gives the same id, on any cluster.
/// </summary>
public static class CandidateIds
{
    public static string ForStrategy(
        string calcuttaId, string advancementArtifactId, string marketShareArtifactId, string optimizerKey, string startingState, string? excludedEntryKey)
    {
        var provenance = CanonicalJson.Serialize(new StrategyProvenance(
            calcuttaId, advancementArtifactId, marketShareArtifactId, optimizerKey, startingState, excludedEntryKey));
        return $"cand-{ContentDigest.Hex(provenance)[..24]}";
    }

    private sealed record StrategyProvenance(
        string CalcuttaId, string AdvancementArtifactId, string MarketShareArtifactId, string OptimizerKey, string StartingState, string? ExcludedEntryKey);
}
