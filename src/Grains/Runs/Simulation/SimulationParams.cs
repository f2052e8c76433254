using System.Text.Json.Serialization;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.FieldFit;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// The canonical params of a <c>simulation</c> run over a real pool (<see cref="CalcuttaId"/>) or a synthetic
/// calcutta (<see cref="SyntheticCalcuttaId"/>, its version pinned by digest in the dataset refs).
/// <see cref="AdvancementModel"/> is copied from the pinned advancement run, so the params alone say which win
/// probabilities were sampled; the excluded entry and focus candidate are resolved, never left implicit.
/// <see cref="Field"/> is a modeled field (null, and absent from the JSON: the real field, so real-field runs keep
/// their params, ids and metrics bytes); the seat is the focus candidate's entry, else the excluded entry.
/// </summary>
public sealed record SimulationParams(
    string? CalcuttaId,
    string? SyntheticCalcuttaId,
    string AdvancementArtifactId,
    AdvancementModelParams AdvancementModel,
    long NSims,
    long Seed,
    string StartingState,
    string? ExcludedEntryKey,
    string? FocusCandidateId,
    int ChunkSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FieldChoice? Field = null)
{
    public const long MaxSimulations = 100_000_000;

    public const int DefaultChunkSize = 250_000;

    public const int MinChunkSize = 1_000;

    public const int MaxChunkSize = 10_000_000;
}
