using Microsoft.AspNetCore.Authorization;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The one requirement of each policy: the principal's role includes <see cref="Role"/> (roles nest, see
/// <see cref="LabPolicies.Allows"/>). A failed one tells the 403 which role was needed.
/// </summary>
public sealed class LabRoleRequirement(string role) : AuthorizationHandler<LabRoleRequirement>, IAuthorizationRequirement
{
    public string Role { get; } = role;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LabRoleRequirement requirement)
    {
        if (LabPolicies.Allows(LabPrincipals.RoleOf(context.User), requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
