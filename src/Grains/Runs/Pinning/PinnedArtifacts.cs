using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;

namespace LabSandbox.Grains.Runs.Pinning;

/// <summary>
/// Checks, at planning time, that an upstream artifact named in a request is what the request needs — the
/// right kind from a succeeded run of the right kind over the same datasets (INV-7: ids are explicit, never
/// "the latest run") — and reads pinned artifacts back at execution time.
/// </summary>
public static class PinnedArtifacts
{
    /// <summary>
    /// The params of the advancement run whose <c>metrics</c> artifact is <paramref name="artifactId"/>, if it
    /// fits: same tournament, and the same starting state unless <paramref name="startingState"/> is null.
    /// </summary>
    public static async Task<AdvancementParams?> ReadAdvancementAsync(
        RequestReader reader, IGrainFactory grains, string field, string artifactId, string tournamentId, string? startingState)
    {
        var (artifact, run) = await ReadAsync(grains, artifactId);
        if (artifact is null || run is null)
        {
            reader.Error(field, $"Artifact '{artifactId}' does not exist.");
            return null;
        }

        if (run.Spec.Kind != RunKinds.Advancement || artifact.Kind != ArtifactKinds.Metrics || run.Status != RunStatus.Succeeded)
        {
            reader.Error(field, $"Artifact '{artifactId}' is not the metrics of a succeeded advancement run.");
            return null;
        }

        var advancement = JsonSerializer.Deserialize<AdvancementParams>(run.Spec.ParamsJson, ContentDigest.Options)!;
        if (advancement.TournamentId != tournamentId)
        {
            reader.Error(field, $"Artifact '{artifactId}' is for {advancement.TournamentId}, not this pool's {tournamentId}.");
            return null;
        }

        if (startingState is not null && advancement.StartingState != startingState)
        {
            reader.Error(field, $"Artifact '{artifactId}' starts from {advancement.StartingState}, not {startingState}.");
            return null;
        }

        return advancement;
    }

    /// <summary>The params of the market-share run whose <c>market_share</c> artifact is <paramref name="artifactId"/>, if it fits.</summary>
    public static async Task<MarketShareParams?> ReadMarketShareAsync(
        RequestReader reader, IGrainFactory grains, string field, string artifactId, string calcuttaId, string? excludedEntryKey)
    {
        var (artifact, run) = await ReadAsync(grains, artifactId);
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

    /// <summary>Execution time: the inline JSON content of a pinned artifact.</summary>
    public static async Task<T> ReadInlineAsync<T>(IGrainFactory grains, string artifactId)
    {
        var artifact = await grains.GetGrain<IArtifactGrain>(artifactId).GetAsync()
            ?? throw new NonRetryableRunException($"Pinned artifact '{artifactId}' no longer exists.");
        if (artifact.InlineContent is null)
        {
            throw new NonRetryableRunException($"Pinned artifact '{artifactId}' has no inline content.");
        }

        return JsonSerializer.Deserialize<T>(artifact.InlineContent, ContentDigest.Options)
            ?? throw new NonRetryableRunException($"Pinned artifact '{artifactId}' is empty.");
    }

    private static async Task<(ArtifactRecord? Artifact, RunSnapshot? Run)> ReadAsync(IGrainFactory grains, string artifactId)
    {
        var artifact = await grains.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        var run = artifact is null ? null : await grains.GetGrain<IRunGrain>(artifact.RunId).GetAsync();
        return (artifact, run);
    }
}
