using LabSandbox.Api.Contracts;
using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

public static class TournamentsApi
{
    public static RouteGroupBuilder MapTournamentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tournaments").WithTags("Tournaments");
        group.MapGet("/", ListTournaments).WithName("ListTournaments");
        group.MapGet("/{tournamentId}", GetTournament).WithName("GetTournament");
        return group;
    }

    /// <summary>Ordered by id (so by year).</summary>
    private static async Task<Ok<ListResponse<TournamentSummary>>> ListTournaments(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var snapshots = await Task.WhenAll(catalog.TournamentIds.Select(id => cluster.GetGrain<ITournamentGrain>(id).GetAsync()));
        var items = snapshots.OfType<TournamentSnapshot>()
            .Select(t => new TournamentSummary(t.TournamentId, t.Year, t.Name, t.Teams.Count, t.Digest))
            .OrderBy(t => t.TournamentId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ListResponse<TournamentSummary>(items));
    }

    /// <summary>Teams ordered by region, seed, then team id.</summary>
    private static async Task<Results<Ok<TournamentResponse>, ProblemHttpResult>> GetTournament(string tournamentId, IClusterClient cluster)
    {
        var t = await cluster.GetGrain<ITournamentGrain>(tournamentId).GetAsync();
        if (t is null)
        {
            return ApiProblems.NotFound("Tournament", tournamentId);
        }

        var teams = t.Teams
            .OrderBy(x => x.Region, StringComparer.Ordinal).ThenBy(x => x.Seed).ThenBy(x => x.TeamId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new TournamentResponse(t.TournamentId, t.Year, t.Name, t.Regions, t.FinalFour, teams, t.Digest));
    }
}
