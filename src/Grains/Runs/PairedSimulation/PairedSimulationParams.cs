using System.Text.Json.Serialization;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs.FieldFit;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>
/// Params of a <c>paired_simulation</c> run: simulations [0, NSims) under Seed, each evaluated once per variant with
/// the variant's bids in the seat <see cref="EntryKey"/> of the pinned field (the pool less the excluded entry).
/// Variant 0 is the reference every other variant's gain is paired against. <see cref="Field"/>: a modeled field instead
/// of the pool's entries (null, and absent from the JSON: the real field), drawn per block of simulations from
/// (Seed, field index) and shared by every variant.
/// </summary>
public sealed record PairedSimulationParams(
    string? CalcuttaId,
    string? SyntheticCalcuttaId,
    string AdvancementArtifactId,
    double Sigma,
    string StartingState,
    string? ExcludedEntryKey,
    string EntryKey,
    long Seed,
    long NSims,
    IReadOnlyList<PairedVariant> Variants,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FieldChoice? Field = null)
{
    public const long MaxSimulations = 5_000_000;
}

/// <summary>One entry evaluated in the seat; <paramref name="Key"/> names it in the run's metrics.</summary>
public sealed record PairedVariant(string Key, IReadOnlyList<EntryBid> Bids);
