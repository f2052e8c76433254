using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// A refused API request gets its problem details here (401 with the challenge, 403 naming the role needed), whichever
/// scheme would have answered; a refused web UI request goes on to its scheme (the session cookie's redirects).
/// </summary>
public sealed class LabAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (ApiEndpoints.IsApiRequest(context))
        {
            if (authorizeResult.Challenged)
            {
                return AuthProblems.UnauthorizedAsync(context);
            }

            if (authorizeResult.Forbidden)
            {
                var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<LabRoleRequirement>().Select(r => r.Role)
                    .MaxBy(role => LabPolicies.Roles.ToList().IndexOf(role));
                return AuthProblems.ForbiddenAsync(context, needed);
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
