using System.Text;
using System.Text.Json;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// Reads what a simulation run wrote — its <c>metrics</c> artifact (inline JSON), its <c>entry_distributions</c>
/// (JSONL in the artifact store) and the advancement artifact it pinned — through the same artifact contracts the
/// API's artifact endpoints use. It only parses documents; every number shown comes from the artifacts.
/// </summary>
public sealed class SimulationResultsReader(IClusterClient cluster, IArtifactStore store)
{
    public const string DistributionsKind = "entry_distributions";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SimulationResultsView> ReadSimulationAsync(RunSnapshot run)
    {
        var metricsId = ArtifactOf(run, ArtifactKinds.Metrics) ?? throw new ArtifactUnavailableException($"Run '{run.RunId}' has no metrics artifact.");
        var metrics = JsonSerializer.Deserialize<SimulationMetricsDto>(await ReadTextAsync(metricsId), Json)
            ?? throw new ArtifactUnavailableException($"Artifact '{metricsId}' is empty.");
        using var parameters = JsonDocument.Parse(run.Spec.ParamsJson);
        var rows = metrics.Entries.Select((e, i) => new LeaderboardRow(
            i + 1, e.EntryKey, e.PayoutCentsTotal, e.ExpectedPayoutCents, e.PFirst, e.PTop3, e.PTop6, e.PTop10, e.PInTheMoney,
            e.MeanPoints, e.StdDevPoints, e.MeanNormalizedPayout, e.MedianNormalizedPayout, e.PositionCounts)).ToList();
        return new SimulationResultsView(
            run.RunId, StringParam(parameters.RootElement, "calcuttaId"), StringParam(parameters.RootElement, "syntheticCalcuttaId"),
            metrics.AdvancementArtifactId, metrics.StartingState, metrics.Seed, metrics.NSims, metrics.ExcludedEntryKey,
            metrics.FocusCandidateId, metrics.FocusEntryKey, metricsId, ArtifactOf(run, DistributionsKind), rows, metrics.Teams);
    }

    public async Task<PairedResultsView> ReadPairedAsync(RunSnapshot run)
    {
        var metricsId = ArtifactOf(run, ArtifactKinds.Metrics) ?? throw new ArtifactUnavailableException($"Run '{run.RunId}' has no metrics artifact.");
        var metrics = JsonSerializer.Deserialize<PairedMetricsDto>(await ReadTextAsync(metricsId), Json)
            ?? throw new ArtifactUnavailableException($"Artifact '{metricsId}' is empty.");
        var variants = metrics.Variants.Select(v => new PairedVariantRow(
            v.Key, v.Firsts, v.InTheMoney, v.Payout.MeanCents, v.Payout.LowCents, v.Payout.HighCents,
            v.Gain.MeanCents, v.Gain.LowCents, v.Gain.HighCents)).ToList();
        return new PairedResultsView(run.RunId, metrics.EntryKey, metrics.StartingState, metrics.Seed, metrics.NSims,
            metrics.Experiment?.ExperimentId, metricsId, variants);
    }

    /// <summary>Every entry's finishing and payout distribution, in the artifact's order.</summary>
    public async Task<IReadOnlyList<EntryDistributionView>> ReadDistributionsAsync(string artifactId)
    {
        var text = await ReadTextAsync(artifactId);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<EntryDistributionView>(line, Json)!)
            .ToList();
    }

    /// <summary>The exact model's reach probabilities per team from the pinned advancement artifact.</summary>
    public async Task<IReadOnlyList<TeamExact>> ReadAdvancementAsync(string artifactId)
    {
        var advancement = JsonSerializer.Deserialize<AdvancementDto>(await ReadTextAsync(artifactId), Json)
            ?? throw new ArtifactUnavailableException($"Artifact '{artifactId}' is empty.");
        return advancement.Teams;
    }

    private static string? ArtifactOf(RunSnapshot run, string kind) => run.Artifacts.FirstOrDefault(a => a.Kind == kind)?.ArtifactId;

    private static string? StringParam(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An artifact's bytes as text: inline content, or the store's bytes; a readable error when retention deleted them.</summary>
    private async Task<string> ReadTextAsync(string artifactId)
    {
        var artifact = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync()
            ?? throw new ArtifactUnavailableException($"Artifact '{artifactId}' does not exist.");
        if (artifact.DeletedAt is not null)
        {
            throw new ArtifactUnavailableException($"The bytes of artifact '{artifactId}' were deleted by retention run '{artifact.DeletedByRunId}'.");
        }

        if (artifact.InlineContent is { } inline)
        {
            return inline;
        }

        try
        {
            await using var stream = await store.OpenReadAsync(artifact.StorageUri!);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ArtifactUnavailableException($"The bytes of artifact '{artifactId}' are not in this lab's artifact store.");
        }
    }

    private sealed record EntryDto(
        string EntryKey, long PayoutCentsTotal, double ExpectedPayoutCents, double MeanNormalizedPayout, double MedianNormalizedPayout,
        double PFirst, double PTop3, double PTop6, double PTop10, double PInTheMoney, double MeanPoints, double StdDevPoints,
        IReadOnlyList<long> PositionCounts);

    private sealed record SimulationMetricsDto(
        string AdvancementArtifactId, string StartingState, long Seed, long NSims, string? ExcludedEntryKey, string? FocusCandidateId,
        string? FocusEntryKey, IReadOnlyList<EntryDto> Entries, IReadOnlyList<TeamFrequencies> Teams);

    private sealed record StatisticDto(long MeanCents, long LowCents, long HighCents);

    private sealed record VariantDto(string Key, long Firsts, long InTheMoney, StatisticDto Payout, StatisticDto Gain);

    private sealed record ExperimentDto(string ExperimentId);

    private sealed record PairedMetricsDto(
        string EntryKey, string StartingState, long Seed, long NSims, ExperimentDto? Experiment, IReadOnlyList<VariantDto> Variants);

    private sealed record AdvancementDto(IReadOnlyList<TeamExact> Teams);
}

/// <summary>An artifact a page needs is missing or its bytes are gone: said in one readable sentence.</summary>
public sealed class ArtifactUnavailableException(string message) : Exception(message);
