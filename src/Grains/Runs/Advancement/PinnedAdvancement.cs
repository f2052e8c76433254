using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>Planning-time check that a named artifact is the metrics of a fitting advancement run (INV-7).</summary>
public static class PinnedAdvancement
{
    /// <summary>
    /// The params of the advancement run whose <c>metrics</c> artifact is <paramref name="artifactId"/>, if it
    /// fits: same tournament, and the same starting state unless <paramref name="startingState"/> is null.
    /// </summary>
    public static async Task<AdvancementParams?> ReadAsync(
        RequestReader reader, IGrainFactory grains, string field, string artifactId, string tournamentId, string? startingState)
    {
        var (artifact, run) = await PinnedArtifacts.ReadWithRunAsync(grains, artifactId);
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
}
