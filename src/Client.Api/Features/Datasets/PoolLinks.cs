using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>A Lab candidate generated for the pool under one config.</summary>
public sealed record PoolCandidateLink(string CandidateId, string ConfigKey, string MarketModel, double Sigma, string StartingState);

/// <summary>A synthetic calcutta copied from the pool.</summary>
public sealed record PoolCopyLink(string SyntheticCalcuttaId, string Name, int Version, int EntryCount);

public sealed record PoolLinksView(IReadOnlyList<PoolCandidateLink> Candidates, IReadOnlyList<PoolCopyLink> Copies);

/// <summary>Where a pool leads: the Lab's candidates for it (the Lab index filtered by pool, as the API's list is) and its Sandbox copies.</summary>
public static class PoolLinks
{
    public static async Task<PoolLinksView> ReadAsync(IClusterClient cluster, string calcuttaId)
    {
        var candidates = (await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync())
            .Where(e => e.CalcuttaId == calcuttaId)
            .Select(e => new PoolCandidateLink(e.CandidateId, e.ConfigKey, e.Config.MarketModel, e.Config.AdvancementModel.Sigma, e.Config.StartingState))
            .ToList();

        var catalog = await cluster.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();
        var snapshots = await Task.WhenAll(catalog.SyntheticCalcuttaIds.Select(id => cluster.GetGrain<ISyntheticCalcuttaGrain>(id).GetAsync()));
        var copies = snapshots.OfType<SyntheticCalcuttaSnapshot>()
            .Where(s => s.SourceCalcuttaId == calcuttaId)
            .OrderBy(s => s.SyntheticCalcuttaId, StringComparer.Ordinal)
            .Select(s => new PoolCopyLink(s.SyntheticCalcuttaId, s.Name, s.Version, s.Entries.Count))
            .ToList();
        return new PoolLinksView(candidates, copies);
    }
}
