using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Home;

/// <summary>One year of real data: its tournament and, from 2017 on, its pool.</summary>
public sealed record DatasetYear(int Year, TournamentSummary? Tournament, CalcuttaSummary? Pool);

/// <summary>A dead-lettered run: it spent its attempts and waits for someone to requeue it or look at its error.</summary>
public sealed record DeadLetterRow(string RunId, string Kind, DateTimeOffset CreatedAt, int Attempt, string? LastError);

/// <summary>An experiment as the home page lists it.</summary>
public sealed record RecentExperiment(
    string ExperimentId, string? Name, ExperimentStatus Status, int NumIterations, DateTimeOffset CreatedAt, string PoolId);

/// <summary>
/// What the home page reads. Counting is cheap however many runs there are: each of the eight catalog shards
/// answers with its counts (kept as its entries change), and dead letters come from the shards' own filter.
/// </summary>
public static class HomeDashboard
{
    public const int DeadLetterCount = 5;
    public const int ExperimentCount = 5;

    public static async Task<IReadOnlyList<DatasetYear>> ReadDatasetsAsync(IClusterClient cluster)
    {
        var loadTournaments = DatasetCatalogReader.ListTournamentsAsync(cluster);
        var pools = await DatasetCatalogReader.ListCalcuttasAsync(cluster);
        var tournaments = await loadTournaments;
        return tournaments.Select(t => t.Year).Union(pools.Select(p => p.Year)).Order()
            .Select(year => new DatasetYear(year, tournaments.FirstOrDefault(t => t.Year == year), pools.FirstOrDefault(p => p.Year == year)))
            .ToList();
    }

    public static Task<RunStatusCounts> CountRunsAsync(IClusterClient cluster) => RunCatalog.CountAsync(cluster);

    /// <summary>The newest dead-lettered runs, in the catalog's order (as <c>GET /api/v1/runs?deadLettered=true</c> lists them).</summary>
    public static async Task<IReadOnlyList<DeadLetterRow>> ReadDeadLettersAsync(IClusterClient cluster)
    {
        var page = await RunCatalog.ListAsync(cluster, new RunQuery(null, null, null, DeadLetterCount, DeadLettered: true));
        return page.Items.Select(e => new DeadLetterRow(e.RunId, e.Kind, e.CreatedAt, e.Attempt, e.LastError)).ToList();
    }

    /// <summary>The newest experiments by creation time (the catalog holds ids only, so each is read; experiments are few).</summary>
    public static async Task<IReadOnlyList<RecentExperiment>> ReadRecentExperimentsAsync(IClusterClient cluster)
    {
        var ids = await cluster.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).ListAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IExperimentGrain>(id).GetAsync()));
        return snapshots.OfType<ExperimentSnapshot>()
            .OrderByDescending(e => e.CreatedAt).ThenBy(e => e.ExperimentId, StringComparer.Ordinal)
            .Take(ExperimentCount)
            .Select(e => new RecentExperiment(e.ExperimentId, e.Name, e.Status, e.NumIterations, e.CreatedAt, e.Config.Pool.Id))
            .ToList();
    }
}
