using System.Security.Claims;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// A circuit lives long after the request that signed it in. Every <see cref="Interval"/> this provider asks the key
/// registry whether the session's key (by its hash) is still active with the same name and role; when it is not
/// (revoked, or replaced), the circuit's user becomes anonymous, and the page sends them to the sign-in page.
/// Local mode's user carries no key and is left alone.
/// </summary>
public sealed class SessionRevalidator(ILoggerFactory loggerFactory, IClusterClient cluster) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cluster.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key));

    public static async Task<bool> IsStillValidAsync(ClaimsPrincipal user, IApiKeyRegistryGrain registry)
    {
        if (user.FindFirstValue(LabUser.KeyClaim) is not { } sha256)
        {
            return true;
        }

        ApiKeyRecord? key;
        try
        {
            key = await registry.FindAsync(sha256);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A cluster hiccup is not a revocation: keep the session, the next check asks again (and the grain
            // calls the page would make fail just the same meanwhile).
            return true;
        }

        return key is not null && key.Name == user.Identity?.Name && key.Role == user.FindFirstValue(ClaimTypes.Role);
    }
}
