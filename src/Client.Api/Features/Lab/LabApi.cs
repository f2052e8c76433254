using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Requests;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Lab;

/// <summary>
/// The Lab: candidates for every real pool per config, with typed provenance. Reads never write (INV-6);
/// the Lab touches no Sandbox state (INV-9).
/// </summary>
public static class LabApi
{
    public static RouteGroupBuilder MapLabApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/lab/candidates").WithTags("Lab").RequireAuthorization(LabPolicies.Reader);
        group.MapGet("/coverage", GetCoverage).WithName("GetLabCoverage")
            .WithSummary("Lab coverage per config")
            .WithDescription("For each config generated so far: the real pools with a candidate, out of all of them, and the ones missing.");
        group.MapPost("/generate", Generate).WithName("GenerateLabCandidates").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Generate the Lab's candidates for a config")
            .WithDescription("Starts the config's lab_generation run and answers at once: 202 with the run (Location: the run), or 200 when that run already finished. For every real pool the run creates the advancement, market-share and strategy runs the config names (unless they exist, each pinning the previous one's artifact), then the candidate; its report (created/skipped/failed per pool) is the run's metrics artifact, at reportUrl.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample("naive_ev", "dp-v1 over naive expected-value shares, the lab-marked entry excluded",
                new GenerateLabCandidatesRequest(new LabAdvancementModelRequest("kenpom-logistic", 10), "naive_ev", "dp-v1", "pre_tournament", LabConfig.LabMarked));
        group.MapGet("/", ListCandidates).WithName("ListLabCandidates")
            .WithSummary("List the Lab's candidates")
            .WithDescription("The (pool, config) → candidate rows, filtered by any config field; ordered by config key, then pool.");
        group.MapGet("/{candidateId}", GetCandidate).WithName("GetCandidate")
            .WithSummary("Get a candidate")
            .WithDescription("Its typed provenance (pool, artifacts, optimizer, starting state, excluded entry), bids, objective and the Lab configs it answers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{candidateId}/lineage", GetCandidateLineage).WithName("GetCandidateLineage")
            .WithSummary("Get a candidate's lineage")
            .WithDescription("The lineage of its bids artifact, back through market shares and advancement to the dataset digests.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>For each config generated so far: the real pools with a candidate, out of all of them.</summary>
    private static async Task<Ok<LabCoverageResponse>> GetCoverage(IClusterClient cluster)
    {
        var (pools, entries) = await LabCatalog.ReadIndexAsync(cluster);
        return TypedResults.Ok(LabCatalog.Coverage(pools, entries));
    }

    /// <summary>
    /// Starts (or finds) the <c>lab_generation</c> run of the config in the body: 400 naming the bad fields, else the run at
    /// once (202, or 200 when it already finished); its report is its metrics artifact. Never waits on the run.
    /// </summary>
    private static async Task<Results<AcceptedAtRoute<StartedRunResponse>, Ok<StartedRunResponse>, ProblemHttpResult, ValidationProblem>> Generate(
        JsonBody<GenerateLabCandidatesRequest> body, IClusterClient cluster, LinkGenerator links, HttpContext http) =>
        StartedRuns.Answer(await StartedRuns.StartAsync(cluster, RunKinds.LabGeneration, body.Json), links, http);

    /// <summary>The Lab's candidates by pool and config, filtered by any config field; ordered by config key, then pool.</summary>
    private static async Task<Results<Ok<LabCandidateListResponse>, ValidationProblem>> ListCandidates(
        IClusterClient cluster, string? calcuttaId, string? configKey, string? marketModel, string? optimizerKey,
        string? startingState, string? excludedEntry, string? advancementModelKind, double? sigma)
    {
        if (sigma is { } s && (!double.IsFinite(s) || s <= 0))
        {
            return ApiProblems.Invalid("sigma", "'sigma' must be a finite number greater than 0.");
        }

        var filter = new LabCandidateFilter(calcuttaId, configKey, marketModel, optimizerKey, startingState, excludedEntry, advancementModelKind, sigma);
        var entries = (await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync()).Where(filter.Matches);
        var items = await LabCatalog.ItemsAsync(cluster, entries);
        return TypedResults.Ok(new LabCandidateListResponse(items));
    }

    private static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult>> GetCandidate(
        string candidateId, IClusterClient cluster, LinkGenerator links, HttpContext http)
    {
        var candidate = await cluster.GetGrain<ICandidateGrain>(candidateId).GetAsync();
        if (candidate is null)
        {
            return ApiProblems.NotFound("Candidate", candidateId);
        }

        var mappings = await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync();
        return TypedResults.Ok(CandidateResponse.From(candidate, mappings, links.GetPathByName(http, "GetCandidateLineage", new { candidateId })!));
    }

    /// <summary>The lineage of the candidate's bids: back through its market shares and advancement to the dataset digests.</summary>
    private static async Task<Results<Ok<LineageResponse>, ProblemHttpResult>> GetCandidateLineage(string candidateId, IClusterClient cluster)
    {
        var candidate = await cluster.GetGrain<ICandidateGrain>(candidateId).GetAsync();
        if (candidate is null)
        {
            return ApiProblems.NotFound("Candidate", candidateId);
        }

        return await ArtifactLineageReader.ReadAsync(cluster, candidate.BidsArtifactId) is { } lineage
            ? TypedResults.Ok(lineage)
            : ApiProblems.NotFound("Artifact", candidate.BidsArtifactId);
    }
}
