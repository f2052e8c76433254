namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The three roles and the authorization policy of each. Roles nest: an admin may do whatever an analyst may, an
/// analyst whatever a reader may. A principal carries its one role as a <see cref="System.Security.Claims.ClaimTypes.Role"/>
/// claim; the policies (named after the roles) apply the nesting.
/// </summary>
public static class LabPolicies
{
    /// <summary>Every GET: lists, details, event streams, artifact content.</summary>
    public const string Reader = "reader";

    /// <summary>Reader, plus creating and cancelling runs, Lab generation, Sandbox edits and simulations, experiments.</summary>
    public const string Analyst = "analyst";

    /// <summary>Analyst, plus requeue, retention that deletes, key management, the audit trail and operator pages.</summary>
    public const string Admin = "admin";

    /// <summary>The roles, least to most privileged.</summary>
    public static IReadOnlyList<string> Roles => Ordered;

    private static readonly string[] Ordered = [Reader, Analyst, Admin];

    /// <summary>Whether <paramref name="role"/> includes what <paramref name="required"/> allows (false for an unknown role).</summary>
    public static bool Allows(string? role, string required)
    {
        var held = Rank(role);
        var needed = Rank(required);
        return held >= 0 && needed >= 0 && held >= needed;
    }

    private static int Rank(string? role) => role is null ? -1 : Array.IndexOf(Ordered, role);
}
