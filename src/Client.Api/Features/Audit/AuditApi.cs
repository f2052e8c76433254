using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Audit;

/// <summary>
/// The audit trail: every accepted change (docs/security.md#audit-trail), read only. Its own group, so the
/// admin-only policy applies to it alone.
/// </summary>
public static class AuditApi
{
    /// <summary>The longest <c>actor</c> filter accepted (key names are far shorter).</summary>
    public const int MaxActorLength = 200;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(LabPolicies.Admin);
        group.MapGet("/", List).WithName("ListAuditEntries")
            .WithSummary("List the audit trail")
            .WithDescription("Every accepted change — API writes and web UI actions — with its actor, time, method, route template, target id and status, ascending by `sequence`. Append-only: rows are never changed or removed. `after` is the previous page's `nextCursor`; `actor` keeps one actor's rows. A rejected request and every read add no row.");
        return group;
    }

    /// <summary>Rows after <c>after</c> (default 0: from the start), ascending, at most <c>limit</c>.</summary>
    private static async Task<Results<Ok<AuditListResponse>, ValidationProblem>> List(IClusterClient cluster, long? after, int? limit, string? actor)
    {
        var pageSize = limit ?? ApiLimits.DefaultPageSize;
        if (ApiLimits.OutOfRange(pageSize, ApiLimits.MaxPageSize) is { } invalid)
        {
            return invalid;
        }

        if (after is < 0)
        {
            return ApiProblems.Invalid("after", "'after' must be 0 or more.");
        }

        if (actor is { Length: 0 or > MaxActorLength })
        {
            return ApiProblems.Invalid("actor", $"'actor' must be 1 to {MaxActorLength} characters.");
        }

        var page = await cluster.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key).ListAsync(new AuditQuery(after ?? 0, pageSize, actor));
        return TypedResults.Ok(new AuditListResponse(page.Entries, page.Next));
    }
}
