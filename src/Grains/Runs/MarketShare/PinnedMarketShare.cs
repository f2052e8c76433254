using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>Planning-time check that a named artifact is the market shares of a fitting market-share run (INV-7).</summary>
public static class PinnedMarketShare
{
    /// <summary>The params of the market-share run whose <c>market_share</c> artifact is <paramref name="artifactId"/>, if it fits.</summary>
    public static async Task<MarketShareParams?> ReadAsync(
        RequestReader reader, IGrainFactory grains, string field, string artifactId, string calcuttaId, string? excludedEntryKey)
    {
        var (artifact, run) = await PinnedArtifacts.ReadWithRunAsync(grains, artifactId);
        if (artifact is null || run is null)
        {
            reader.Error(field, $"Artifact '{artifactId}' does not exist.");
            return null;
        }

        if (run.Spec.Kind != RunKinds.MarketShare || artifact.Kind != MarketShareRunHandler.ArtifactKind || run.Status != RunStatus.Succeeded)
        {
            reader.Error(field, $"Artifact '{artifactId}' is not the market_share artifact of a succeeded market_share run.");
            return null;
        }

        var market = JsonSerializer.Deserialize<MarketShareParams>(run.Spec.ParamsJson, ContentDigest.Options)!;
        if (market.CalcuttaId != calcuttaId)
        {
            reader.Error(field, $"Artifact '{artifactId}' predicts {market.CalcuttaId}, not {calcuttaId}.");
            return null;
        }

        if (market.ExcludedEntryKey != excludedEntryKey)
        {
            reader.Error(field, $"Artifact '{artifactId}' excludes entry '{market.ExcludedEntryKey ?? "none"}', not '{excludedEntryKey ?? "none"}'.");
            return null;
        }

        return market;
    }
}
