using LabSandbox.Api.Contracts;
using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

public static class CalcuttasApi
{
    public static RouteGroupBuilder MapCalcuttasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calcuttas").WithTags("Calcuttas");
        group.MapGet("/", ListCalcuttas).WithName("ListCalcuttas");
        group.MapGet("/{calcuttaId}", GetCalcutta).WithName("GetCalcutta");
        return group;
    }

    /// <summary>Ordered by id (so by year).</summary>
    private static async Task<Ok<ListResponse<CalcuttaSummary>>> ListCalcuttas(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var snapshots = await Task.WhenAll(catalog.CalcuttaIds.Select(id => cluster.GetGrain<ICalcuttaGrain>(id).GetAsync()));
        var items = snapshots.OfType<CalcuttaSnapshot>()
            .Select(c => new CalcuttaSummary(c.CalcuttaId, c.TournamentId, c.Year, c.Name, c.Entries.Count, c.Digest))
            .OrderBy(c => c.CalcuttaId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ListResponse<CalcuttaSummary>(items));
    }

    /// <summary>Entries ordered by entry key; bids by team id (as stored).</summary>
    private static async Task<Results<Ok<CalcuttaResponse>, ProblemHttpResult>> GetCalcutta(string calcuttaId, IClusterClient cluster)
    {
        var c = await cluster.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
        return c is null
            ? ApiProblems.NotFound("Calcutta", calcuttaId)
            : TypedResults.Ok(new CalcuttaResponse(
                c.CalcuttaId, c.TournamentId, c.Year, c.Name, c.Rules, c.ScoringRules, c.Payouts,
                c.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal).ToList(), c.Digest));
    }
}
