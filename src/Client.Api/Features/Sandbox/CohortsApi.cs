using System.Text.Json.Nodes;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Requests;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// Cohorts: named groups of synthetic calcuttas with shared settings. Starting a cohort's simulations pins one
/// simulation run per member to the member's current digest; results aggregate the focus candidate per member.
/// </summary>
public static class CohortsApi
{
    public static RouteGroupBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sandbox/cohorts").WithTags("Sandbox").RequireAuthorization(LabPolicies.Reader);
        group.MapPost("/", Create).WithName("CreateCohort").RequireAuthorization(LabPolicies.Analyst).WithAuditTarget<CohortSnapshot>(c => c.CohortId)
            .WithSummary("Create a cohort")
            .WithDescription("A named group of synthetic calcuttas with shared simulation settings. The same body again is a no-op; another body under the same id a 409.")
            .WithRequestExample("cohort", "Two synthetic calcuttas, 100,000 simulations each", new CreateCohortRequest(
                "Recent years", ["syn-2024-copy", "syn-2025-copy"], new CohortSettingsRequest(100_000, 7, "pre_tournament", CohortSettings.MemberPolicy, 10),
                "cohort-recent"))
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListCohorts")
            .WithSummary("List cohorts")
            .WithDescription("Every cohort with its members, settings and started simulations.");
        group.MapGet("/{cohortId}", Get).WithName("GetCohort")
            .WithSummary("Get a cohort")
            .WithDescription("Its members, settings and started simulations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{cohortId}/simulations", StartSimulations).WithName("StartCohortSimulations").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Start a cohort's simulations")
            .WithDescription("Starts the cohort's cohort_simulation run and answers at once: 202 with the run (Location: the run), or 200 when that run already finished. The run creates (or finds) one simulation run per member, pinned to the member's digest at the time of the request, and records them as the cohort's next simulation; its report (simulation id and member runs) is the run's metrics artifact, at reportUrl.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{cohortId}/results", GetResults).WithName("GetCohortResults")
            .WithSummary("Results of every simulation of a cohort")
            .WithDescription("In the order they were started: each member's run and focus candidate result, and their mean.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{cohortId}/simulations/{simulationId}/results", GetSimulationResults).WithName("GetCohortSimulationResults")
            .WithSummary("Results of one cohort simulation")
            .WithDescription("Each member's run and focus candidate result (money in integer cents), and their mean; `complete` once every run succeeded.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<CohortSnapshot>, ValidationProblem, ProblemHttpResult>> Create(JsonBody<CreateCohortRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await cluster.GetGrain<ISandboxRequestGrain>(0).CreateCohortAsync(body.Json));

    private static async Task<Ok<CohortListResponse>> List(IClusterClient cluster) =>
        TypedResults.Ok(new CohortListResponse(await SandboxCatalogReader.ListCohortsAsync(cluster)));

    private static async Task<Results<Ok<CohortSnapshot>, ProblemHttpResult>> Get(string cohortId, IClusterClient cluster) =>
        await cluster.GetGrain<ICohortGrain>(cohortId).GetAsync() is { } cohort ? TypedResults.Ok(cohort) : ApiProblems.NotFound("Cohort", cohortId);

    /// <summary>
    /// Starts (or finds) the <c>cohort_simulation</c> run of the cohort as its members are now: 404 for an unknown cohort,
    /// 400 <c>members.{id}</c> for a member that does not exist, else the run at once (202, or 200 when it already
    /// finished). The run creates one pinned simulation run per member and records them; its report is its metrics artifact.
    /// </summary>
    private static async Task<Results<AcceptedAtRoute<StartedRunResponse>, Ok<StartedRunResponse>, ProblemHttpResult, ValidationProblem>> StartSimulations(
        string cohortId, IClusterClient cluster, LinkGenerator links, HttpContext http)
    {
        var start = await StartedRuns.StartAsync(cluster, RunKinds.CohortSimulation, new JsonObject { ["cohortId"] = cohortId }.ToJsonString());
        return start.Outcome == RunStartOutcome.Invalid && start.Errors.ContainsKey("cohortId")
            ? ApiProblems.NotFound("Cohort", cohortId)
            : StartedRuns.Answer(start, links, http);
    }

    /// <summary>The results of every simulation started for the cohort, in the order they were started.</summary>
    private static async Task<Results<Ok<CohortResultsListResponse>, ProblemHttpResult>> GetResults(string cohortId, IClusterClient cluster) =>
        await cluster.GetGrain<ICohortResultsGrain>(0).ListAsync(cohortId) is { } results
            ? TypedResults.Ok(new CohortResultsListResponse(cohortId, results))
            : ApiProblems.NotFound("Cohort", cohortId);

    private static async Task<Results<Ok<CohortResults>, ProblemHttpResult>> GetSimulationResults(string cohortId, string simulationId, IClusterClient cluster) =>
        await cluster.GetGrain<ICohortResultsGrain>(0).GetAsync(cohortId, simulationId) is { } results
            ? TypedResults.Ok(results)
            : ApiProblems.NotFound("Cohort simulation", $"{cohortId}/{simulationId}");
}
