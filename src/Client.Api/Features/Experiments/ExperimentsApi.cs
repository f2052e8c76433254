using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Requests;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// Experiments: a seeded, reproducible search for the entry that maximizes expected payout in one pool. A create
/// validates and pins the request, then the experiment's driver run searches in the background; its iterations,
/// event log (JSON or live stream) and every simulation run it made stay readable. Reads never write (INV-6).
/// </summary>
public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experiments").WithTags("Experiments").RequireAuthorization(LabPolicies.Reader);
        group.MapPost("/", Create).WithName("CreateExperiment").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Create an experiment")
            .WithDescription("Validates and pins the request (pool, advancement and market artifacts, starting entry), then creates the experiment and its driver run, which searches in the background. 202 with its id; 400 names every bad field; 409 when the id names an experiment with another config. Without `experimentId` the id is derived from the body.")
            .WithRequestExample("search", "Search calcutta-2025 from the dp-v1 optimum", new CreateExperimentRequest(
                "art-metrics-of-an-advancement-run", "art-shares-of-a-market-share-run", "pre_tournament", 7,
                CalcuttaId: "calcutta-2025", Name: "2025 search", MaxIterations: 10))
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListExperiments")
            .WithSummary("List experiments")
            .WithDescription("In ordinal id order; `after` is the previous page's `nextCursor`.");
        group.MapGet("/{experimentId}", Get).WithName("GetExperiment")
            .WithSummary("Get an experiment")
            .WithDescription("Its pinned config, status, convergence and result.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{experimentId}/iterations", GetIterations).WithName("GetExperimentIterations")
            .WithSummary("Read an experiment's iterations")
            .WithDescription("Recorded iterations from `from` (0: the initial evaluation) on, with every challenger's cost and payout.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{experimentId}/events", GetEvents).WithName("GetExperimentEvents")
            .WithSummary("Read an experiment's event log")
            .WithDescription("Typed events after `after`, oldest first. With `Accept: text/event-stream` the log streams live until the experiment ends.")
            .Produces<ExperimentEventsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{experimentId}/runs", GetRuns).WithName("GetExperimentRuns")
            .WithSummary("List an experiment's runs")
            .WithDescription("Every simulation run of the experiment, in the order the search registered them, with its iteration, sample, purpose and status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{experimentId}/cancel", Cancel).WithName("CancelExperiment").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Cancel an experiment")
            .WithDescription("Stops a queued or running experiment (`convergenceReason = cancelled`) and cancels its runs; a finished one is a 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>
    /// Validates and pins the request, then creates the experiment and its driver run: 202 with its id; 400 naming
    /// the bad fields (nothing created); 409 when the id names an experiment with another config.
    /// </summary>
    private static async Task<Results<AcceptedAtRoute<ExperimentCreatedResponse>, ValidationProblem, ProblemHttpResult>> Create(
        JsonBody<CreateExperimentRequest> body, IClusterClient cluster)
    {
        var created = await cluster.GetGrain<IExperimentFactoryGrain>(0).CreateAsync(body.Json);
        return created.Outcome switch
        {
            ExperimentCreationOutcome.Created => TypedResults.AcceptedAtRoute(
                new ExperimentCreatedResponse(created.Experiment!.ExperimentId, created.Experiment.Status, created.Experiment.DriverRunId),
                "GetExperiment", new { experimentId = created.Experiment.ExperimentId }),
            ExperimentCreationOutcome.Conflict => ApiProblems.Conflict(created.Reason!),
            _ => ApiProblems.Invalid(created.Errors),
        };
    }

    /// <summary>Experiments in ordinal id order; <c>after</c> is the last id of the previous page (its <c>nextCursor</c>).</summary>
    private static async Task<Results<Ok<ExperimentListResponse>, ValidationProblem>> List(IClusterClient cluster, int? limit, string? after)
    {
        var pageSize = limit ?? ApiLimits.DefaultPageSize;
        if (ApiLimits.OutOfRange(pageSize, ApiLimits.MaxPageSize) is { } invalid)
        {
            return invalid;
        }

        var page = await ExperimentCatalog.PageAsync(cluster, pageSize, after);
        return TypedResults.Ok(new ExperimentListResponse(page.Items.Select(ExperimentSummary.From).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ExperimentSnapshot>, ProblemHttpResult>> Get(string experimentId, IClusterClient cluster) =>
        await cluster.GetGrain<IExperimentGrain>(experimentId).GetAsync() is { } experiment
            ? TypedResults.Ok(experiment)
            : ApiProblems.NotFound("Experiment", experimentId);

    /// <summary>Recorded iterations from <c>from</c> (0: the initial evaluation) on, at most <c>limit</c>.</summary>
    private static async Task<Results<Ok<ExperimentIterationsResponse>, ValidationProblem, ProblemHttpResult>> GetIterations(
        string experimentId, IClusterClient cluster, int? from, int? limit)
    {
        var pageSize = limit ?? ApiLimits.DefaultPageSize;
        if (ApiLimits.OutOfRange(pageSize, ApiLimits.MaxPageSize) is { } invalid)
        {
            return invalid;
        }

        if (from is < 0)
        {
            return ApiProblems.Invalid("from", "'from' must be 0 or more.");
        }

        var grain = cluster.GetGrain<IExperimentGrain>(experimentId);
        if (await grain.GetAsync() is not { } experiment)
        {
            return ApiProblems.NotFound("Experiment", experimentId);
        }

        var items = await grain.GetIterationsAsync(from ?? 0, pageSize);
        var more = items.Count == pageSize && items[^1].Iteration < experiment.NumIterations;
        return TypedResults.Ok(new ExperimentIterationsResponse(experimentId, items, more ? items[^1].Iteration + 1 : null));
    }

    /// <summary>JSON page of events after <c>after</c>; with <c>Accept: text/event-stream</c>, a live stream until the experiment ends.</summary>
    private static async Task<IResult> GetEvents(
        string experimentId, IClusterClient cluster, HttpRequest request, long? after, int? limit, CancellationToken cancellationToken)
    {
        var pageSize = limit ?? ApiLimits.EventsPageSize;
        if (ApiLimits.OutOfRange(pageSize, ApiLimits.EventsPageSize) is { } invalid)
        {
            return invalid;
        }

        if (after is < 0)
        {
            return ApiProblems.Invalid("after", "'after' must be 0 or more.");
        }

        var grain = cluster.GetGrain<IExperimentGrain>(experimentId);
        var page = await grain.GetEventsAsync(after ?? 0, pageSize);
        if (page is null || await grain.GetAsync() is not { } experiment)
        {
            return ApiProblems.NotFound("Experiment", experimentId);
        }

        if (EventStreams.Wanted(request))
        {
            return TypedResults.ServerSentEvents(EventStreams.PollAsync(
                after ?? 0,
                async (from, max) => await grain.GetEventsAsync(from, max) is { } next
                    ? new EventStreams.Page<ExperimentEventResponse>([.. next.Events.Select(ExperimentEventResponse.From)], next.Ended)
                    : null,
                e => e.Sequence, e => e.Type, cancellationToken));
        }

        return TypedResults.Ok(new ExperimentEventsResponse(
            experimentId, experiment.Status, page.Events.Select(ExperimentEventResponse.From).ToList(), page.LastSequence, page.Ended));
    }

    /// <summary>Every simulation run of the experiment, in the order the search registered them, with each run's status.</summary>
    private static async Task<Results<Ok<ExperimentRunsResponse>, ProblemHttpResult>> GetRuns(string experimentId, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<IExperimentGrain>(experimentId);
        if (await grain.GetAsync() is not { } experiment)
        {
            return ApiProblems.NotFound("Experiment", experimentId);
        }

        var runs = await grain.GetRunsAsync();
        var snapshots = await Task.WhenAll(runs.Select(r => cluster.GetGrain<IRunGrain>(r.RunId).GetAsync()));
        var items = runs.Select((r, i) => new ExperimentRunItem(r.RunId, r.Iteration, r.SampleIndex, r.RunPurpose, snapshots[i]?.Status)).ToList();
        return TypedResults.Ok(new ExperimentRunsResponse(experimentId, experiment.DriverRunId, items));
    }

    /// <summary>Stops a queued or running experiment (<c>convergenceReason = cancelled</c>); a finished one is a 409.</summary>
    private static async Task<Results<Ok<ExperimentSnapshot>, ProblemHttpResult>> Cancel(string experimentId, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IExperimentGrain>(experimentId).CancelAsync();
        return result.Outcome switch
        {
            CommandOutcome.Accepted => TypedResults.Ok(result.Snapshot!),
            CommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => ApiProblems.NotFound("Experiment", experimentId),
        };
    }
}
