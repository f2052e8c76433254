using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Runs.Pinning;

/// <summary>
/// A pool a run can evaluate — a real calcutta or a synthetic calcutta — as one version: read as it is now when a
/// request is planned (and pinned by its digest), and read back by that digest when the run executes.
/// </summary>
public static class PoolVersions
{
    /// <summary>
    /// The current version of the real pool <paramref name="calcuttaId"/> or else of the synthetic calcutta
    /// <paramref name="syntheticId"/>; a missing one is reported under its field and gives null.
    /// </summary>
    public static async Task<PoolVersion?> CurrentAsync(RequestReader reader, IGrainFactory grains, string? calcuttaId, string? syntheticId)
    {
        if (calcuttaId is not null)
        {
            var real = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
            if (real is null)
            {
                reader.Error("calcuttaId", $"Calcutta '{calcuttaId}' does not exist.");
            }

            return real is null ? null : Of(real);
        }

        if (syntheticId is null)
        {
            return null;
        }

        var synthetic = await grains.GetGrain<ISyntheticCalcuttaGrain>(syntheticId).GetAsync();
        if (synthetic is null)
        {
            reader.Error("syntheticCalcuttaId", $"Synthetic calcutta '{syntheticId}' does not exist.");
            return null;
        }

        return Of(synthetic);
    }

    /// <summary>The version a run pinned; null when it changed (a real pool) or was never kept (a synthetic digest).</summary>
    public static async Task<PoolVersion?> PinnedAsync(IGrainFactory grains, DatasetRef pinned)
    {
        if (pinned.Kind == DatasetKinds.SyntheticCalcutta)
        {
            var version = await grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(pinned.Id, pinned.Digest)).GetAsync();
            return version is null ? null : Of(version);
        }

        var pool = await grains.GetGrain<ICalcuttaGrain>(pinned.Id).GetAsync();
        return pool?.Digest == pinned.Digest ? Of(pool) : null;
    }

    private static PoolVersion Of(CalcuttaSnapshot real) =>
        new(new DatasetRef(DatasetKinds.Calcutta, real.CalcuttaId, real.Digest), real.TournamentId, real.CalcuttaId,
            real.Rules, real.ScoringRules, real.Payouts, real.Entries, new HashSet<string>(), null, null);

    /// <summary>A synthetic calcutta's entries as pool entries: never lab-marked (that marking belongs to real pools).</summary>
    private static PoolVersion Of(SyntheticCalcuttaSnapshot synthetic) =>
        new(new DatasetRef(DatasetKinds.SyntheticCalcutta, synthetic.SyntheticCalcuttaId, synthetic.Digest), synthetic.TournamentId,
            synthetic.SourceCalcuttaId, synthetic.Rules, synthetic.ScoringRules, synthetic.Payouts,
            [.. synthetic.Entries.Select(e => new PoolEntry(e.EntryKey, false, e.Bids))],
            synthetic.Entries.Select(e => e.CandidateId).OfType<string>().ToHashSet(StringComparer.Ordinal),
            synthetic.ExcludedEntryKey, synthetic.FocusCandidateId);
}

/// <summary>
/// One version of a pool, pinned by <see cref="Pinned"/>. <see cref="SourceCalcuttaId"/> is the real pool itself or the
/// one a synthetic calcutta was copied from; <see cref="CandidateIds"/>, <see cref="ExcludedEntryKey"/> and
/// <see cref="FocusCandidateId"/> are a synthetic calcutta's own (a real pool has none).
/// </summary>
public sealed record PoolVersion(
    DatasetRef Pinned,
    string TournamentId,
    string? SourceCalcuttaId,
    PoolRules Rules,
    IReadOnlyList<ScoringRule> ScoringRules,
    IReadOnlyList<Payout> Payouts,
    IReadOnlyList<PoolEntry> Entries,
    IReadOnlySet<string> CandidateIds,
    string? ExcludedEntryKey,
    string? FocusCandidateId);
