using System.Text.Json.Nodes;
using LabSandbox.Api.Apis;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Sandbox;

/// <summary>
/// Cohorts: named groups of synthetic calcuttas with shared settings. Starting a cohort's simulations pins one
/// simulation run per member to the member's current digest; results aggregate the focus candidate per member.
/// </summary>
public static class CohortsApi
{
    public static RouteGroupBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sandbox/cohorts").WithTags("Sandbox");
        group.MapPost("/", Create).WithName("CreateCohort");
        group.MapGet("/", List).WithName("ListCohorts");
        group.MapGet("/{cohortId}", Get).WithName("GetCohort");
        group.MapPost("/{cohortId}/simulations", StartSimulations).WithName("StartCohortSimulations");
        group.MapGet("/{cohortId}/results", GetResults).WithName("GetCohortResults");
        group.MapGet("/{cohortId}/simulations/{simulationId}/results", GetSimulationResults).WithName("GetCohortSimulationResults");
        return group;
    }

    private static async Task<Results<Ok<CohortSnapshot>, ValidationProblem, ProblemHttpResult>> Create(JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var id = SandboxRequests.IdOrDerived(reader, body, "cohortId", "cohort");
        var name = reader.RequiredString("name");
        var members = new List<string>();
        if (reader.Node("members") is JsonArray array && array.All(m => m is JsonValue v && v.TryGetValue<string>(out _)))
        {
            members.AddRange(array.Select(m => m!.GetValue<string>()));
        }
        else
        {
            reader.Error("members", "'members' is a list of synthetic calcutta ids.");
        }

        var settings = SandboxRequests.Settings(reader);
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return ApiProblems.Invalid(reader.Errors);
        }

        return SandboxResults.From(await cluster.GetGrain<ICohortGrain>(id).CreateAsync(name!, members, settings!), "Cohort", id);
    }

    private static async Task<Ok<CohortListResponse>> List(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();
        var items = new List<CohortSnapshot>();
        foreach (var id in catalog.CohortIds)
        {
            if (await cluster.GetGrain<ICohortGrain>(id).GetAsync() is { } cohort)
            {
                items.Add(cohort);
            }
        }

        return TypedResults.Ok(new CohortListResponse(items));
    }

    private static async Task<Results<Ok<CohortSnapshot>, ProblemHttpResult>> Get(string cohortId, IClusterClient cluster) =>
        await cluster.GetGrain<ICohortGrain>(cohortId).GetAsync() is { } cohort ? TypedResults.Ok(cohort) : ApiProblems.NotFound("Cohort", cohortId);

    /// <summary>
    /// Starts (or finds) the <c>cohort_simulation</c> run of the cohort as its members are now: 404 for an unknown cohort,
    /// 400 <c>members.{id}</c> for a member that does not exist, else the run at once (202, or 200 when it already
    /// finished). The run creates one pinned simulation run per member and records them; its report is its metrics artifact.
    /// </summary>
    private static async Task<Results<AcceptedAtRoute<StartedRunResponse>, Ok<StartedRunResponse>, ProblemHttpResult, ValidationProblem>> StartSimulations(
        string cohortId, IClusterClient cluster, IEnumerable<IRunPlanner> planners, SpecDerivedRuns runs, LinkGenerator links, HttpContext http)
    {
        var plan = await planners.Single(p => p.Kind == RunKinds.CohortSimulation).PlanAsync(new JsonObject { ["cohortId"] = cohortId }, cluster);
        if (plan.Spec is { } spec)
        {
            return await StartedRuns.StartAsync(runs, spec, links, http);
        }

        return plan.Errors.ContainsKey("cohortId") ? ApiProblems.NotFound("Cohort", cohortId) : ApiProblems.Invalid(plan.Errors);
    }

    /// <summary>The results of every simulation started for the cohort, in the order they were started.</summary>
    private static async Task<Results<Ok<CohortResultsListResponse>, ProblemHttpResult>> GetResults(string cohortId, IClusterClient cluster)
    {
        var cohort = await cluster.GetGrain<ICohortGrain>(cohortId).GetAsync();
        if (cohort is null)
        {
            return ApiProblems.NotFound("Cohort", cohortId);
        }

        var results = new List<CohortResults>();
        foreach (var simulation in cohort.Simulations.OrderBy(s => s.Sequence))
        {
            results.Add((await CohortResultsReader.ReadAsync(cluster, cohortId, simulation.SimulationId))!);
        }

        return TypedResults.Ok(new CohortResultsListResponse(cohortId, results));
    }

    private static async Task<Results<Ok<CohortResults>, ProblemHttpResult>> GetSimulationResults(string cohortId, string simulationId, IClusterClient cluster) =>
        await CohortResultsReader.ReadAsync(cluster, cohortId, simulationId) is { } results
            ? TypedResults.Ok(results)
            : ApiProblems.NotFound("Cohort simulation", $"{cohortId}/{simulationId}");
}
