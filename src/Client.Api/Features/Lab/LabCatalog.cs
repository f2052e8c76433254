using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>Filters of the Lab's (pool, config) → candidate rows; a null field matches anything.</summary>
public sealed record LabCandidateFilter(
    string? CalcuttaId = null,
    string? ConfigKey = null,
    string? MarketModel = null,
    string? OptimizerKey = null,
    string? StartingState = null,
    string? ExcludedEntry = null,
    string? AdvancementModelKind = null,
    double? Sigma = null)
{
    public bool Matches(LabCandidateEntry e) =>
        (CalcuttaId is null || e.CalcuttaId == CalcuttaId)
        && Matches(e.ConfigKey, e.Config);

    /// <summary>The config fields only (the coverage matrix filters its rows by these and its columns by pool).</summary>
    public bool Matches(string configKey, LabConfig config) =>
        (ConfigKey is null || configKey == ConfigKey)
        && (MarketModel is null || config.MarketModel == MarketModel)
        && (OptimizerKey is null || config.OptimizerKey == OptimizerKey)
        && (StartingState is null || config.StartingState == StartingState)
        && (ExcludedEntry is null || config.ExcludedEntry == ExcludedEntry)
        && (AdvancementModelKind is null || config.AdvancementModel.Kind == AdvancementModelKind)
        && (Sigma is null || config.AdvancementModel.Sigma == Sigma);
}

/// <summary>
/// The Lab's reads, shared by the API's endpoints and the Lab pages so both answer from the same grains the same way:
/// the real pools, the (pool, config) → candidate index, coverage, and the candidate rows.
/// </summary>
public static class LabCatalog
{
    /// <summary>The real pools (the catalog's order) and every index entry (config key, then pool).</summary>
    public static async Task<(IReadOnlyList<string> Pools, IReadOnlyList<LabCandidateEntry> Entries)> ReadIndexAsync(IClusterClient cluster)
    {
        var pools = (await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()).CalcuttaIds;
        var entries = await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync();
        return (pools, entries);
    }

    /// <summary>For each config generated so far: the real pools with a candidate, out of all of them, and the ones missing.</summary>
    public static LabCoverageResponse Coverage(IReadOnlyList<string> pools, IEnumerable<LabCandidateEntry> entries) =>
        new(pools.Count, entries
            .GroupBy(e => e.ConfigKey)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var covered = g.Select(e => e.CalcuttaId).Where(pools.Contains).ToHashSet();
                return new LabCoverageItem(g.Key, g.First().Config, covered.Count, pools.Count,
                    pools.Where(p => !covered.Contains(p)).Order(StringComparer.Ordinal).ToList());
            })
            .ToList());

    /// <summary>A candidate row: the index entry with the candidate's objective, spend and team count.</summary>
    public static async Task<LabCandidateItem> ItemAsync(IClusterClient cluster, LabCandidateEntry entry)
    {
        var candidate = await cluster.GetGrain<ICandidateGrain>(entry.CandidateId).GetAsync();
        return new LabCandidateItem(entry.CalcuttaId, entry.ConfigKey, entry.Config, entry.CandidateId,
            candidate?.Objective ?? 0, candidate?.SpendPoints ?? 0, candidate?.Bids.Count ?? 0);
    }

    /// <summary>Rows for <paramref name="entries"/> in their order (one grain read each, so pages read only their rows).</summary>
    public static async Task<IReadOnlyList<LabCandidateItem>> ItemsAsync(IClusterClient cluster, IEnumerable<LabCandidateEntry> entries)
    {
        var items = new List<LabCandidateItem>();
        foreach (var entry in entries)
        {
            items.Add(await ItemAsync(cluster, entry));
        }

        return items;
    }
}
