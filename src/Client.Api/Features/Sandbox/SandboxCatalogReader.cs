using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>A page of a Sandbox list: its rows and how many there are in all.</summary>
public sealed record SandboxPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Reads the Sandbox catalog for the API's lists and the web pages alike: ids in the catalog's order (sorted by id),
/// each one's current state read only for the rows asked for, so a page costs its page size, not the catalog's.
/// </summary>
public static class SandboxCatalogReader
{
    public static SyntheticCalcuttaSummary Summary(SyntheticCalcuttaSnapshot s) =>
        new(s.SyntheticCalcuttaId, s.Name, s.TournamentId, s.SourceCalcuttaId, s.Version, s.Digest,
            s.Entries.Count, s.ExcludedEntryKey, s.FocusCandidateId);

    /// <summary>Every synthetic calcutta (the API's list).</summary>
    public static async Task<IReadOnlyList<SyntheticCalcuttaSummary>> ListSyntheticCalcuttasAsync(IClusterClient cluster) =>
        (await SyntheticCalcuttaPageAsync(cluster, 1, int.MaxValue)).Items;

    /// <summary>One page (1-based) of synthetic calcuttas.</summary>
    public static async Task<SandboxPage<SyntheticCalcuttaSummary>> SyntheticCalcuttaPageAsync(IClusterClient cluster, int page, int pageSize)
    {
        var ids = (await Catalog(cluster)).SyntheticCalcuttaIds;
        var items = new List<SyntheticCalcuttaSummary>();
        foreach (var id in PageOf(ids, page, pageSize))
        {
            if (await cluster.GetGrain<ISyntheticCalcuttaGrain>(id).GetAsync() is { } s)
            {
                items.Add(Summary(s));
            }
        }

        return new SandboxPage<SyntheticCalcuttaSummary>(items, ids.Count, page, pageSize);
    }

    /// <summary>Every cohort (the API's list).</summary>
    public static async Task<IReadOnlyList<CohortSnapshot>> ListCohortsAsync(IClusterClient cluster) =>
        (await CohortPageAsync(cluster, 1, int.MaxValue)).Items;

    /// <summary>One page (1-based) of cohorts.</summary>
    public static async Task<SandboxPage<CohortSnapshot>> CohortPageAsync(IClusterClient cluster, int page, int pageSize)
    {
        var ids = (await Catalog(cluster)).CohortIds;
        var items = new List<CohortSnapshot>();
        foreach (var id in PageOf(ids, page, pageSize))
        {
            if (await cluster.GetGrain<ICohortGrain>(id).GetAsync() is { } cohort)
            {
                items.Add(cohort);
            }
        }

        return new SandboxPage<CohortSnapshot>(items, ids.Count, page, pageSize);
    }

    private static Task<SandboxCatalog> Catalog(IClusterClient cluster) =>
        cluster.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();

    private static IEnumerable<string> PageOf(IReadOnlyList<string> ids, int page, int pageSize) =>
        pageSize == int.MaxValue ? ids : ids.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize);
}
