using System.Security.Claims;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace LabSandbox.Api.Components.Shared;

/// <summary>
/// Who is using the UI, read from the cascading authentication state: the key's name, its role, and whether a
/// policy allows an action. Pages use it twice for every change: to disable the control, and again in the handler
/// before calling a grain (a disabled button is no protection against a hand-made circuit event).
/// </summary>
public sealed record LabUser(string Name, string? Role, bool IsAuthenticated, bool IsLocal)
{
    /// <summary>The claim holding the SHA-256 of the key a session was signed in with (never the key): the schemes' own.</summary>
    public const string KeyClaim = LabAuthSchemes.KeyHashClaim;

    public static readonly LabUser Anonymous = new("anonymous", null, false, false);

    /// <summary>Whether the user's role includes what <paramref name="policy"/> (a <see cref="LabPolicies"/> name) allows.</summary>
    public bool Can(string policy) => IsAuthenticated && LabPolicies.Allows(Role, policy);

    /// <summary>What a disabled control says: "Requires the analyst role".</summary>
    public static string Requirement(string policy) => $"Requires the {policy} role";

    /// <summary>What a refused handler shows.</summary>
    public string Refusal(string policy) =>
        IsAuthenticated ? $"{Requirement(policy)}: {Name} is a {Role ?? "user without a role"}." : $"{Requirement(policy)}: sign in first.";

    public static LabUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return Anonymous;
        }

        // Local mode's user is "local" without a key; a session signed in with a key always carries the key's hash.
        var local = name == LabActor.Local && !principal.HasClaim(c => c.Type == KeyClaim);
        return new LabUser(name, principal.FindFirstValue(ClaimTypes.Role), true, local);
    }

    public static async Task<LabUser> FromAsync(Task<AuthenticationState>? state) => state is null ? Anonymous : From((await state).User);
}
