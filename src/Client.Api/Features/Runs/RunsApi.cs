using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Idempotency;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Requests;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Runs;

public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/runs").WithTags("Runs").RequireAuthorization(LabPolicies.Reader);
        group.MapPost("/", CreateRun).WithName("CreateRun").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Create a run")
            .WithDescription("Validates the request and pins everything it names (dataset digests, input artifacts, canonical params and their hash, seed, engine version), then queues the run. 202 with the run id and a Location; 400 names every bad field; nothing is created on a 400. Needs the analyst role; retention with `dryRun: false` (it deletes) needs admin (403 otherwise).")
            .WithRequestExample(RunRequestExamples.All);
        group.MapGet("/", ListRuns).WithName("ListRuns")
            .WithSummary("List runs")
            .WithDescription("Newest first (created-at, then run id, descending), filtered by kind, status, dead-lettered and created range (`createdFrom` inclusive, `createdTo` exclusive; ISO-8601, a date alone is midnight UTC); `cursor` is the previous page's `nextCursor` and stays stable as new runs arrive.");
        group.MapGet("/{runId}", GetRun).WithName("GetRun")
            .WithSummary("Get a run")
            .WithDescription("Status, attempt, dataset refs, inputs, params and their hash, engine version, timestamps, last error and artifacts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{runId}/events", GetRunEvents).WithName("GetRunEvents")
            .WithSummary("Read a run's event log")
            .WithDescription("Events after `after`, oldest first. With `Accept: text/event-stream` the log streams live (event name = type, id = sequence) until the run ends.")
            .Produces<RunEventsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{runId}/cancel", CancelRun).WithName("CancelRun").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Cancel a run")
            .WithDescription("Cancels a queued or running run; a finished run is immutable (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{runId}/requeue", RequeueRun).WithName("RequeueRun").RequireAuthorization(LabPolicies.Admin)
            .WithSummary("Re-queue a dead-lettered run")
            .WithDescription("Runs a dead-lettered run again without consuming an attempt; any other run is a 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>Validates and pins the request, then creates a queued run: 202 with its id, or 400 naming the bad fields.</summary>
    private static async Task<Results<AcceptedAtRoute<RunCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateRun(
        JsonBody<CreateRunRequest> body, IClusterClient cluster, HttpRequest request)
    {
        // Retention that deletes destroys other people's work: only an admin may run it (a dry run is an analyst's).
        if (IsRetentionThatDeletes(body.Json) && !LabPolicies.Allows(LabPrincipals.RoleOf(request.HttpContext.User), LabPolicies.Admin))
        {
            return AuthProblems.Forbidden(request.HttpContext, LabPolicies.Admin);
        }

        var key = request.Headers[IdempotencyKeyHeader.Name] is [{ Length: > 0 } header] ? IdempotencyKeyHeader.ScopedTo(LabActor.Current, header) : null;
        // The run's first attempt (executor, chunks, artifacts) is traced under this span.
        using var span = RunCreateTracing.Start();
        var created = await cluster.GetGrain<IRunFactoryGrain>(0).CreateAsync(body.Json, key);
        RunCreateTracing.Created(span, created.RunId);
        return created.Outcome switch
        {
            RunCreationOutcome.Created => TypedResults.AcceptedAtRoute(
                new RunCreatedResponse(created.RunId!, created.Status!.Value), "GetRun", new { runId = created.RunId }),
            RunCreationOutcome.KeyConflict => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: $"The Idempotency-Key already created run '{created.RunId}' with a different request."),
            _ => ApiProblems.Invalid(created.Errors),
        };
    }

    /// <summary>Read as the run factory reads it: <c>kind</c> exactly <c>retention</c> and <c>dryRun</c> exactly <c>false</c>.</summary>
    private static bool IsRetentionThatDeletes(string json) =>
        JsonNode.Parse(json) is JsonObject request
        && request["kind"] is JsonValue kind && kind.TryGetValue<string>(out var name) && name == "retention"
        && request["dryRun"] is JsonValue dryRun && dryRun.GetValueKind() == JsonValueKind.False;

    /// <summary>Newest first (created-at, then run id, descending); the cursor is stable under new runs.</summary>
    private static async Task<Results<Ok<RunListResponse>, ValidationProblem>> ListRuns(
        IClusterClient cluster, string? kind, string? status, bool? deadLettered, string? createdFrom, string? createdTo, int? limit, string? cursor)
    {
        if (!RunCatalog.TryParseStatus(status, out var statusFilter))
        {
            return ApiProblems.Invalid("status", $"'status' must be one of: {RunCatalog.StatusNames}.");
        }

        if (!RunCatalog.TryParseInstant(createdFrom, out var from))
        {
            return ApiProblems.Invalid("createdFrom", "'createdFrom' must be an ISO-8601 date or date-time.");
        }

        if (!RunCatalog.TryParseInstant(createdTo, out var to))
        {
            return ApiProblems.Invalid("createdTo", "'createdTo' must be an ISO-8601 date or date-time.");
        }

        if (from is not null && to is not null && to < from)
        {
            return ApiProblems.Invalid("createdTo", "'createdTo' must not be before 'createdFrom'.");
        }

        var pageSize = limit ?? ApiLimits.DefaultPageSize;
        if (ApiLimits.OutOfRange(pageSize, ApiLimits.MaxPageSize) is { } invalid)
        {
            return invalid;
        }

        RunCursor? after = null;
        if (cursor is not null && !RunCursorCodec.TryDecode(cursor, out after))
        {
            return ApiProblems.Invalid("cursor", "'cursor' is not a cursor this API issued.");
        }

        var page = await RunCatalog.ListAsync(cluster, new RunQuery(kind, statusFilter, after, pageSize, deadLettered, from, to));
        return TypedResults.Ok(new RunListResponse(
            page.Items.Select(e => new RunListItem(e.RunId, e.Kind, e.Status, e.DeadLettered, e.CreatedAt, e.Attempt, e.LastError, e.ClaimedBy, e.CreatedBy)).ToList(),
            page.Next is { } next ? RunCursorCodec.Encode(next) : null));
    }

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(string runId, IClusterClient cluster)
    {
        var run = await cluster.GetGrain<IRunGrain>(runId).GetAsync();
        return run is null ? ApiProblems.NotFound("Run", runId) : TypedResults.Ok(RunResponse.From(run));
    }

    /// <summary>JSON page of events after <paramref name="after"/>; with <c>Accept: text/event-stream</c>, a live stream until the run ends.</summary>
    private static async Task<IResult> GetRunEvents(
        string runId, IClusterClient cluster, HttpRequest request, long? after, int? limit, CancellationToken cancellationToken)
    {
        var grain = cluster.GetGrain<IRunGrain>(runId);
        var page = await grain.GetEventsAsync(after ?? 0, limit ?? ApiLimits.EventsPageSize);
        if (page is null)
        {
            return ApiProblems.NotFound("Run", runId);
        }

        if (EventStreams.Wanted(request))
        {
            return TypedResults.ServerSentEvents(EventStreams.PollAsync(
                after ?? 0,
                async (from, max) => await grain.GetEventsAsync(from, max) is { } next
                    ? new EventStreams.Page<RunEvent>(next.Events, next.Status.IsTerminal() && (next.Events.LastOrDefault()?.Sequence ?? from) >= next.LastSequence)
                    : null,
                e => e.Sequence, e => e.Name, cancellationToken));
        }

        return TypedResults.Ok(new RunEventsResponse(runId, page.Status, page.Events, page.LastSequence));
    }

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> CancelRun(string runId, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IRunGrain>(runId).CancelAsync();
        return result.Outcome switch
        {
            CommandOutcome.Accepted => TypedResults.Ok(RunResponse.From(result.Snapshot!)),
            CommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => ApiProblems.NotFound("Run", runId),
        };
    }

    /// <summary>Re-queues a dead-lettered run without consuming an attempt; any other run is a 409.</summary>
    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> RequeueRun(string runId, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IRunGrain>(runId).RequeueAsync();
        return result.Outcome switch
        {
            CommandOutcome.Accepted => TypedResults.Ok(RunResponse.From(result.Snapshot!)),
            CommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => ApiProblems.NotFound("Run", runId),
        };
    }
}
