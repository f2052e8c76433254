using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Authentication (API keys, the UI's session cookie, local mode), the role policies, the per-key limits and the
/// actor of each request. See docs/security.md for the pipeline order and why.
/// </summary>
public static partial class LabSecurity
{
    /// <summary>Resolves the auth mode (throws when it is open on a non-loopback address) and registers the services.</summary>
    public static WebApplicationBuilder AddLabSecurity(this WebApplicationBuilder builder)
    {
        var settings = LabAuthSettings.Resolve(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddAuthentication(LabAuthSchemes.Default)
            .AddPolicyScheme(LabAuthSchemes.Default, "API key or session", o => o.ForwardDefaultSelector = context => SchemeFor(context, settings))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(LabAuthSchemes.ApiKey, "API key", null)
            .AddCookie(LabAuthSchemes.Cookie, SessionCookie.Configure);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in LabPolicies.Roles)
        {
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().AddRequirements(new LabRoleRequirement(role)));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LabAuthorizationResultHandler>();
        services.AddLabRateLimits(settings.RateLimit);
        return builder;
    }

    /// <summary>
    /// After routing (so authorization sees the endpoint's policy) and before anything that acts on the request on the
    /// caller's behalf (the <c>Idempotency-Key</c> replay, the endpoints): authenticate, authorize, name the actor, limit.
    /// </summary>
    public static IApplicationBuilder UseLabSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<LabAuthSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LabSecurity));
        if (settings.IsLocalMode)
        {
            LogLocalMode(logger, string.Join(", ", settings.ListenUrls));
        }
        else
        {
            LogRequired(logger, string.Join(", ", settings.ListenUrls));
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseLabActor();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A key header wins; otherwise the session cookie; in local mode a request with neither is the local admin.</summary>
    private static string SchemeFor(HttpContext context, LabAuthSettings settings) =>
        ApiKeyHeaders.IsPresent(context.Request) || (settings.IsLocalMode && !context.Request.Cookies.ContainsKey(LabAuthSchemes.CookieName))
            ? LabAuthSchemes.ApiKey
            : LabAuthSchemes.Cookie;

    [LoggerMessage(Level = LogLevel.Warning, Message = "LabSandbox API: local mode, no authentication (loopback only: {Urls}); every request without a key acts as 'local' with the admin role")]
    private static partial void LogLocalMode(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "LabSandbox API: authentication required (API key or web UI sign-in) on {Urls}")]
    private static partial void LogRequired(ILogger logger, string urls);
}
