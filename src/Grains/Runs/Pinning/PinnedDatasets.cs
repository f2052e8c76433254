using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.Pinning;

/// <summary>Execution time: the exact dataset versions a run pinned, or a non-retryable failure if they changed.</summary>
public static class PinnedDatasets
{
    public static async Task<TournamentSnapshot> TournamentAsync(IGrainFactory grains, DatasetRef pinned)
    {
        var tournament = await grains.GetGrain<ITournamentGrain>(pinned.Id).GetAsync();
        return tournament?.Digest == pinned.Digest ? tournament : throw Changed(pinned, tournament?.Digest);
    }

    public static async Task<CalcuttaSnapshot> CalcuttaAsync(IGrainFactory grains, DatasetRef pinned)
    {
        var pool = await grains.GetGrain<ICalcuttaGrain>(pinned.Id).GetAsync();
        return pool?.Digest == pinned.Digest ? pool : throw Changed(pinned, pool?.Digest);
    }

    public static DatasetRef Single(RunSpec spec, string kind) => spec.DatasetRefs.Single(d => d.Kind == kind);

    /// <summary>The pool a run evaluates: a real calcutta or a pinned synthetic calcutta version.</summary>
    public static DatasetRef Pool(RunSpec spec) => spec.DatasetRefs.Single(d => d.Kind is DatasetKinds.Calcutta or DatasetKinds.SyntheticCalcutta);

    private static NonRetryableRunException Changed(DatasetRef pinned, string? now) =>
        new($"{pinned.Kind} '{pinned.Id}' changed or vanished since the run was pinned ({pinned.Digest} → {now ?? "missing"}).");
}
