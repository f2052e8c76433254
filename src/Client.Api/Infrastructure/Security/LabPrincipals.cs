using System.Security.Claims;
using LabSandbox.Grains.Interfaces.Security;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The principals the schemes issue: a key's (name, role and the key's hash) and local mode's "local" admin. The name
/// is the actor every change records (<see cref="LabActor"/>); the role is what <see cref="LabPolicies"/> checks.
/// </summary>
public static class LabPrincipals
{
    /// <summary>A principal for a registered key (the API key scheme, and the sign-in page for its session cookie).</summary>
    public static ClaimsPrincipal ForKey(ApiKeyRecord key, string authenticationType) =>
        Create(key.Name, key.Role, authenticationType, key.Sha256);

    /// <summary>Local mode's principal: every request without a key, on a loopback-only API.</summary>
    public static ClaimsPrincipal Local(string authenticationType) =>
        Create(LabActor.Local, LabPolicies.Admin, authenticationType, keyHash: null);

    public static ClaimsPrincipal Create(string name, string role, string authenticationType, string? keyHash)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (keyHash is not null)
        {
            claims.Add(new Claim(LabAuthSchemes.KeyHashClaim, keyHash));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The principal's role, or null.</summary>
    public static string? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Role) : null;
}
