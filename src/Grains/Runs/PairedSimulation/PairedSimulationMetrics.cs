using System.Text.Json.Serialization;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>The <c>metrics</c> artifact of a <c>paired_simulation</c> run; <see cref="Field"/> names a modeled field (absent: real).</summary>
public sealed record PairedSimulationMetrics(
    string Kind,
    string EngineVersion,
    IReadOnlyList<DatasetRef> DatasetRefs,
    string AdvancementArtifactId,
    string StartingState,
    string? ExcludedEntryKey,
    string EntryKey,
    long Seed,
    long NSims,
    RunExperimentTag? Experiment,
    IReadOnlyList<PairedVariantMetrics> Variants,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FieldUsed? Field = null);

/// <summary>
/// One variant's exact totals (squares as decimal strings: they exceed 64 bits) and what they give: its payout and
/// its paired gain over variant 0 (zero for variant 0 itself), each with a 95% interval, in integer cents.
/// </summary>
public sealed record PairedVariantMetrics(
    string Key,
    IReadOnlyList<EntryBid> Bids,
    long Firsts,
    long InTheMoney,
    long PayoutCentsTotal,
    string PayoutCentsSquares,
    long GainCentsTotal,
    string GainCentsSquares,
    PayoutStatistic Payout,
    PayoutStatistic Gain);
