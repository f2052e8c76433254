using System.Security.Claims;
using LabSandbox.Grains.Interfaces.Security;

namespace LabSandbox.Api.Infrastructure.Audit;

/// <summary>
/// Records every accepted API write: a POST, PUT, PATCH or DELETE under <c>/api/v1</c> whose answer is 2xx appends one
/// row (actor, method, route template, target id, status). A rejected request (4xx, 5xx, or one that throws) adds
/// nothing; reads never reach the trail (INV-6). It reads the endpoint, route values and principal after the rest of
/// the pipeline ran, so it works wherever routing and authentication sit after it; it must sit after (inside) the
/// <c>Idempotency-Key</c> middleware, so a replayed answer — no new change — adds no row.
/// The row is appended before this returns, so the answer is complete only once its row is stored.
/// </summary>
public sealed partial class AuditMiddleware(RequestDelegate next, IAuditTrail trail, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (!IsWrite(context.Request) || context.Response.StatusCode is < 200 or > 299 || context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return;
        }

        var write = new AuditWrite(ActorOf(context.User), context.Request.Method.ToUpperInvariant(), RouteOf(endpoint),
            AuditTarget.Of(context, endpoint), context.Response.StatusCode);
        try
        {
            await trail.RecordAsync(write, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The change is made and the client is told so; the missing row is logged loudly rather than turning an
            // accepted change into an error the client would retry.
            LogNotRecorded(logger, ex, write.Method, write.Route, write.TargetId);
        }
    }

    /// <summary>The principal's name; <see cref="LabActor.Local"/> when nobody is signed in (local mode).</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : LabActor.Local;

    /// <summary>The full template, group prefix included, without a trailing slash (as the OpenAPI document names it).</summary>
    public static string RouteOf(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? "";
        return raw.Length > 1 ? raw.TrimEnd('/') : raw;
    }

    private static bool IsWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit row not recorded for an accepted {Method} {Route} (target {TargetId})")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string method, string route, string? targetId);
}
