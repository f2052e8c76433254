using System.Text.Encodings.Web;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Authenticates the key a request presents: its shape, then the registry by the key's SHA-256, on every request (no
/// cache), so a revoked key is refused from the next request on, whichever API process or silo serves it. In local
/// mode a request without a key is the "local" admin; a request with a key is still judged by it.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IClusterClient cluster,
    LabAuthSettings settings) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyHeaders.IsPresent(Request))
        {
            return settings.IsLocalMode
                ? AuthenticateResult.Success(new AuthenticationTicket(LabPrincipals.Local(Scheme.Name), Scheme.Name))
                : AuthenticateResult.NoResult();
        }

        // The failure messages reach the framework's logs: they describe, never quote, what was sent.
        var key = ApiKeyHeaders.Read(Request);
        if (!ApiKeys.LooksLikeKey(key))
        {
            return AuthenticateResult.Fail("The presented API key does not have the shape of a key.");
        }

        var record = await cluster.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).FindAsync(ApiKeys.Hash(key!));
        return record is null
            ? AuthenticateResult.Fail("The presented API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(LabPrincipals.ForKey(record, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthProblems.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.ForbiddenAsync(Context, requiredRole: null);
}
