using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>The imported real data: tournaments (<c>ncaa-YYYY</c>) and pools (<c>calcutta-YYYY</c>), read-only.</summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var tournaments = app.MapGroup("/api/v1/tournaments").WithTags("Tournaments").RequireAuthorization(LabPolicies.Reader);
        tournaments.MapGet("/", ListTournaments).WithName("ListTournaments")
            .WithSummary("List tournaments")
            .WithDescription("Every imported tournament, ordered by id (so by year).");
        tournaments.MapGet("/{tournamentId}", GetTournament).WithName("GetTournament")
            .WithSummary("Get a tournament")
            .WithDescription("Teams (by region, seed, then team id) with seeds, regions, KenPom ratings and real results, and the dataset digest.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var calcuttas = app.MapGroup("/api/v1/calcuttas").WithTags("Calcuttas").RequireAuthorization(LabPolicies.Reader);
        calcuttas.MapGet("/", ListCalcuttas).WithName("ListCalcuttas")
            .WithSummary("List real pools")
            .WithDescription("Every imported pool, ordered by id (so by year).");
        calcuttas.MapGet("/{calcuttaId}", GetCalcutta).WithName("GetCalcutta")
            .WithSummary("Get a real pool")
            .WithDescription("Rules, scoring rules, payouts in cents and entries by entry key, and the dataset digest.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Ordered by id (so by year).</summary>
    private static async Task<Ok<ListResponse<TournamentSummary>>> ListTournaments(IClusterClient cluster) =>
        TypedResults.Ok(new ListResponse<TournamentSummary>(await DatasetCatalogReader.ListTournamentsAsync(cluster)));

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

    /// <summary>Ordered by id (so by year).</summary>
    private static async Task<Ok<ListResponse<CalcuttaSummary>>> ListCalcuttas(IClusterClient cluster) =>
        TypedResults.Ok(new ListResponse<CalcuttaSummary>(await DatasetCatalogReader.ListCalcuttasAsync(cluster)));

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
