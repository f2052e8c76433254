using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;

namespace LabSandbox.Grains.Runs.Pinning;

/// <summary>
/// Reads pinned artifacts: at planning time with the run that made them, so each kind's checks
/// (<c>PinnedAdvancement</c>, <c>PinnedMarketShare</c>) can verify an upstream artifact is what a request needs
/// (INV-7: ids are explicit, never "the latest run"); at execution time by their inline content.
/// </summary>
public static class PinnedArtifacts
{
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

    /// <summary>Planning time: a named artifact and the run that made it (either null when missing).</summary>
    public static async Task<(ArtifactRecord? Artifact, RunSnapshot? Run)> ReadWithRunAsync(IGrainFactory grains, string artifactId)
    {
        var artifact = await grains.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        var run = artifact is null ? null : await grains.GetGrain<IRunGrain>(artifact.RunId).GetAsync();
        return (artifact, run);
    }
}
