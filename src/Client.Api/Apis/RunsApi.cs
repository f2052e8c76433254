using System.Text.Json.Nodes;
using LabSandbox.Api.Contracts;
using LabSandbox.Api.Idempotency;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/runs").WithTags("Runs");
        group.MapPost("/", CreateRun).WithName("CreateRun");
        group.MapGet("/", ListRuns).WithName("ListRuns");
        group.MapGet("/{runId}", GetRun).WithName("GetRun");
        group.MapGet("/{runId}/events", GetRunEvents).WithName("GetRunEvents");
        group.MapPost("/{runId}/cancel", CancelRun).WithName("CancelRun");
        group.MapPost("/{runId}/requeue", RequeueRun).WithName("RequeueRun");
        return group;
    }

    /// <summary>Validates and pins the request, then creates a queued run: 202 with its id, or 400 naming the bad fields.</summary>
    private static async Task<Results<AcceptedAtRoute<RunCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateRun(
        JsonObject body, IClusterClient cluster, IEnumerable<IRunPlanner> planners, HttpRequest request)
    {
        var kind = body["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        var planner = planners.FirstOrDefault(p => p.Kind == kind);
        if (planner is null)
        {
            return ApiProblems.Invalid("kind", kind is null
                ? "'kind' is required."
                : $"'kind' must be one of: {string.Join(", ", planners.Select(p => p.Kind).Order(StringComparer.Ordinal))}.");
        }

        var plan = await planner.PlanAsync(body, cluster);
        if (plan.Spec is not { } spec)
        {
            return ApiProblems.Invalid(plan.Errors);
        }

        // With an Idempotency-Key the run id comes from the key: a retry after a failure that left the run
        // created (but no answer kept) names the same run instead of creating a second one.
        var runId = request.Headers[IdempotencyKeyHeader.Name] is [{ Length: > 0 } key]
            ? $"run-{spec.Kind.Replace('_', '-')}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.Trim())))[..16]}-key"
            : await cluster.GetGrain<IRunIdAllocatorGrain>(RunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
        var created = await cluster.GetGrain<IRunGrain>(runId).CreateAsync(spec);
        if (created.Outcome == RunCommandOutcome.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: $"The Idempotency-Key already created run '{runId}' with a different request.");
        }

        return TypedResults.AcceptedAtRoute(new RunCreatedResponse(runId, created.Run!.Status), "GetRun", new { runId });
    }

    /// <summary>Newest first (created-at, then run id, descending); the cursor is stable under new runs.</summary>
    private static async Task<Results<Ok<RunListResponse>, ValidationProblem>> ListRuns(
        IClusterClient cluster, string? kind, string? status, bool? deadLettered, int? limit, string? cursor)
    {
        RunStatus? statusFilter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.Invalid("status", $"'status' must be one of: {string.Join(", ", Enum.GetNames<RunStatus>().Select(n => n.ToLowerInvariant()))}.");
            }

            statusFilter = parsed;
        }

        var pageSize = limit ?? 50;
        if (pageSize is < 1 or > 500)
        {
            return ApiProblems.Invalid("limit", "'limit' must be between 1 and 500.");
        }

        RunCursor? after = null;
        if (cursor is not null && !RunCursorCodec.TryDecode(cursor, out after))
        {
            return ApiProblems.Invalid("cursor", "'cursor' is not a cursor this API issued.");
        }

        var query = new RunQuery(kind, statusFilter, after, pageSize, deadLettered);
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => cluster.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).QueryAsync(query)));
        var page = shards.SelectMany(x => x).Order(Comparer<RunIndexEntry>.Create(RunIndex.Compare)).Take(pageSize).ToList();
        var next = page.Count == pageSize ? RunCursorCodec.Encode(new RunCursor(page[^1].CreatedAt, page[^1].RunId)) : null;
        return TypedResults.Ok(new RunListResponse(
            page.Select(e => new RunListItem(e.RunId, e.Kind, e.Status, e.DeadLettered, e.CreatedAt, e.Attempt, e.LastError, e.ClaimedBy)).ToList(), next));
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
        var page = await grain.GetEventsAsync(after ?? 0, limit ?? 1000);
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
            RunCommandOutcome.Accepted => TypedResults.Ok(RunResponse.From(result.Run!)),
            RunCommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => ApiProblems.NotFound("Run", runId),
        };
    }

    /// <summary>Re-queues a dead-lettered run without consuming an attempt; any other run is a 409.</summary>
    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> RequeueRun(string runId, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IRunGrain>(runId).RequeueAsync();
        return result.Outcome switch
        {
            RunCommandOutcome.Accepted => TypedResults.Ok(RunResponse.From(result.Run!)),
            RunCommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => ApiProblems.NotFound("Run", runId),
        };
    }
}
