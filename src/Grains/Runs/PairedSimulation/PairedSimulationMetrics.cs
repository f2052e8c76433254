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
/// One variant's exact totals (128-bit sums as decimal strings: they exceed 64 bits) and what they give: its payout and
/// its paired gain over variant 0 (zero for variant 0 itself), each with a 95% interval, in integer cents. The sums
/// after <paramref name="Gain"/> are what every experiment objective's paired interval needs (docs/experiments.md#objectives):
/// powers 3 and 4 of the payout, the simulations where exactly one of this variant and variant 0 finished first / in
/// the money, and the cross-moments Σ x^a·y^b of this variant's payout x with variant 0's y on the same simulation.
/// <paramref name="Clusters"/>: over a modeled field, the field blocks' sums (absent for the real field), and then the
/// payout and gain intervals are cluster-robust.
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
    PayoutStatistic Gain,
    string PayoutCentsCubes,
    string PayoutCentsFourths,
    long FirstsDiscordant,
    long InTheMoneyDiscordant,
    string CrossCents11,
    string CrossCents21,
    string CrossCents12,
    string CrossCents22,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClusterMetrics? Clusters = null);

/// <summary>
/// A variant's <c>ClusterSums</c> against variant 0 (docs/experiments.md#clustered-intervals): the number of field blocks
/// and Σ_b z_b·z_bᵀ over z = (m, X, Y, X2, Y2, F, G, I, J), upper triangle row by row, as decimal strings.
/// </summary>
public sealed record ClusterMetrics(long Count, IReadOnlyList<string> Products);
