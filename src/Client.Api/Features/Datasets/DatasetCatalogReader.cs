using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>
/// Reads the imported datasets for both the API's list endpoints and the UI's pages, so the two always agree on
/// what exists and in which order.
/// </summary>
public static class DatasetCatalogReader
{
    /// <summary>Every imported tournament, ordered by id (so by year).</summary>
    public static async Task<IReadOnlyList<TournamentSummary>> ListTournamentsAsync(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var snapshots = await Task.WhenAll(catalog.TournamentIds.Select(id => cluster.GetGrain<ITournamentGrain>(id).GetAsync()));
        return snapshots.OfType<TournamentSnapshot>()
            .Select(t => new TournamentSummary(t.TournamentId, t.Year, t.Name, t.Teams.Count, t.Digest))
            .OrderBy(t => t.TournamentId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every imported pool, ordered by id (so by year).</summary>
    public static async Task<IReadOnlyList<CalcuttaSummary>> ListCalcuttasAsync(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var snapshots = await Task.WhenAll(catalog.CalcuttaIds.Select(id => cluster.GetGrain<ICalcuttaGrain>(id).GetAsync()));
        return snapshots.OfType<CalcuttaSnapshot>()
            .Select(c => new CalcuttaSummary(c.CalcuttaId, c.TournamentId, c.Year, c.Name, c.Entries.Count, c.Digest))
            .OrderBy(c => c.CalcuttaId, StringComparer.Ordinal)
            .ToList();
    }
}
