using System.Text.Json.Serialization;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Advancement;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// The <c>metrics</c> artifact of a simulation run: what was sampled and the metrics (docs/architecture.md, domain rules: models) per entry
/// (by expected payout) and per team; the focus candidate, when there is one, is named by its candidate id
/// and its entry key. Deterministic content only — no run id, chunking, clock or host —
/// so the same inputs and seed give the same bytes on any cluster. <see cref="Field"/> names a modeled field (absent:
/// the real field, whose documents keep the bytes they always had).
/// </summary>
public sealed record SimulationMetricsDocument(
    string Kind,
    string EngineVersion,
    IReadOnlyList<DatasetRef> DatasetRefs,
    string AdvancementArtifactId,
    AdvancementModelParams AdvancementModel,
    string StartingState,
    long Seed,
    long NSims,
    string? ExcludedEntryKey,
    string? FocusCandidateId,
    string? FocusEntryKey,
    IReadOnlyList<EntryMetrics> Entries,
    IReadOnlyList<TeamProgressFrequencies> Teams,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FieldUsed? Field = null);

/// <summary>
/// The modeled field a run played: model, sampler version and the pinned artifacts, the seat and its opponent count, and
/// how many simulations share one field.
/// </summary>
public sealed record FieldUsed(
    string Model, string Version, string ParametersArtifactId, string? MarketShareArtifactId, string SeatEntryKey, int Opponents,
    long SimulationsPerField)
{
    public static FieldUsed? Of(FieldChoice? choice, FieldSampler? sampler, string seatEntryKey) => choice is null || sampler is null
        ? null
        : new(choice.Model, choice.Version, choice.ParametersArtifactId, choice.MarketShareArtifactId, seatEntryKey, sampler.Opponents,
            FieldBlocks.SimulationsPerField);
}

/// <summary>One line of the <c>entry_distributions</c> artifact: an entry's finishing and payout distributions.</summary>
public sealed record EntryDistribution(
    string EntryKey,
    long Simulations,
    IReadOnlyList<long> PositionCounts,
    long InTheMoney,
    IReadOnlyList<PayoutCount> PayoutHistogram);

public sealed record PayoutCount(long AmountCents, long Simulations);
