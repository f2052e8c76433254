using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>Everything SyntheticCalcuttaDetail shows: the current version, its history, the tournament's teams, the pool's Lab candidates.</summary>
public sealed record SyntheticCalcuttaView(
    SyntheticCalcuttaSnapshot Snapshot,
    IReadOnlyList<SyntheticCalcuttaVersionRef> Versions,
    IReadOnlyList<TournamentTeam> Teams,
    IReadOnlyList<PoolCandidate> Candidates);

/// <summary>Reads a synthetic calcutta for its page through the grain contracts (reads only).</summary>
public static class SyntheticCalcuttaReader
{
    /// <summary>Null when there is no synthetic calcutta with this id.</summary>
    public static async Task<SyntheticCalcuttaView?> ReadAsync(IClusterClient cluster, string id)
    {
        var grain = cluster.GetGrain<ISyntheticCalcuttaGrain>(id);
        if (await grain.GetAsync() is not { } snapshot)
        {
            return null;
        }

        var versions = await grain.GetVersionsAsync();
        var teams = (await cluster.GetGrain<ITournamentGrain>(snapshot.TournamentId).GetAsync())?.Teams
            .OrderBy(t => t.Seed).ThenBy(t => t.Name, StringComparer.Ordinal).ToList() ?? [];
        return new SyntheticCalcuttaView(snapshot, versions, teams, await CandidatesAsync(cluster, snapshot));
    }

    /// <summary>
    /// The Lab's candidates for the pool the scenario was copied from, then any attached candidate the Lab index does not
    /// list (one found by an experiment, or attached by id), each once, in the index's order.
    /// </summary>
    public static async Task<IReadOnlyList<PoolCandidate>> CandidatesAsync(IClusterClient cluster, SyntheticCalcuttaSnapshot snapshot)
    {
        var index = await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync();
        var rows = index.Where(e => e.CalcuttaId == snapshot.SourceCalcuttaId)
            .Select(e => (e.CandidateId, e.ConfigKey, e.Config.MarketModel))
            .Concat(snapshot.Entries.Where(e => e.CandidateId is not null).Select(e => (e.CandidateId!, "attached by id", "")))
            .DistinctBy(r => r.Item1);
        var candidates = new List<PoolCandidate>();
        foreach (var (candidateId, configKey, marketModel) in rows)
        {
            if (await cluster.GetGrain<ICandidateGrain>(candidateId).GetAsync() is { } c)
            {
                candidates.Add(new PoolCandidate(candidateId, configKey, marketModel, c.Objective, c.SpendPoints, c.Bids.Count, c.ExcludedEntryKey));
            }
        }

        return candidates;
    }

    /// <summary>One kept version by digest (null when it is not kept).</summary>
    public static Task<SyntheticCalcuttaSnapshot?> VersionAsync(IClusterClient cluster, string id, string digest) =>
        cluster.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(id, digest)).GetAsync();
}
