using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The 401 and 403 problem details. They say how to authenticate or which role is needed, and never echo what the
/// request presented (a key must not come back in a response, a log or a trace).
/// </summary>
public static class AuthProblems
{
    public const string HowToSendAKey =
        "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (an admin creates one with 'LabSandbox.Silo keys create --name NAME --role ROLE'), or sign in to the web UI.";

    /// <summary>401 with <c>WWW-Authenticate: Bearer realm="labsandbox"</c>.</summary>
    public static Task UnauthorizedAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        ApiKeyHeaders.Challenge(context.Response);
        var detail = ApiKeyHeaders.IsPresent(context.Request)
            ? "The API key is not valid or has been revoked. " + HowToSendAKey
            : HowToSendAKey;
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required", detail: detail)
            .ExecuteAsync(context);
    }

    /// <summary>403 naming the role needed (when known) and the caller's.</summary>
    public static Task ForbiddenAsync(HttpContext context, string? requiredRole) =>
        context.Response.HasStarted ? Task.CompletedTask : Forbidden(context, requiredRole).ExecuteAsync(context);

    /// <summary>The 403 result itself, for handlers that decide after reading the request (retention that deletes).</summary>
    public static ProblemHttpResult Forbidden(HttpContext context, string? requiredRole)
    {
        var held = LabPrincipals.RoleOf(context.User) ?? "none";
        var detail = requiredRole is null
            ? $"Your role ({held}) does not allow this request."
            : $"This request needs the role '{requiredRole}' or higher; your role is '{held}'.";
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
    }
}
