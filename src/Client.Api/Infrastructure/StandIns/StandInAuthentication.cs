using System.Security.Claims;
using System.Text.Encodings.Web;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LabSandbox.Api.Infrastructure.StandIns;

// STAND-IN (wp-ui), NOT FOR SHIPPING: the least of helper A's authentication the web UI needs to run on its own
// branch (the session cookie, the local-mode "local" admin, the three policies). No API keys, no API protection.
// Lead: delete this folder and its one call in LabUi.AddLabSandboxUi at merge; helper A's registration replaces it.

/// <summary>Cookie session + local mode + policies, standing in for helper A's authentication until the merge.</summary>
public static class StandInAuthentication
{
    private const string LocalScheme = "LabSandbox.StandIn.Local";

    public static IServiceCollection AddStandInLabAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var required = string.Equals(configuration["LabSandbox:Auth:Mode"], "required", StringComparison.OrdinalIgnoreCase);
        services.AddAuthentication(LabAuthSchemes.Default)
            .AddPolicyScheme(LabAuthSchemes.Default, "session or local", o => o.ForwardDefaultSelector = context =>
                context.Request.Cookies.ContainsKey(LabAuthSchemes.Cookie) || required ? LabAuthSchemes.Cookie : LocalScheme)
            .AddCookie(LabAuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = LabAuthSchemes.Cookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/access-denied";
                o.ReturnUrlParameter = "returnUrl";
            })
            .AddScheme<AuthenticationSchemeOptions, LocalHandler>(LocalScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(LabPolicies.Reader, p => p.RequireAssertion(c => LabPolicies.Allows(c.User.FindFirstValue(ClaimTypes.Role), LabPolicies.Reader)))
            .AddPolicy(LabPolicies.Analyst, p => p.RequireAssertion(c => LabPolicies.Allows(c.User.FindFirstValue(ClaimTypes.Role), LabPolicies.Analyst)))
            .AddPolicy(LabPolicies.Admin, p => p.RequireAssertion(c => LabPolicies.Allows(c.User.FindFirstValue(ClaimTypes.Role), LabPolicies.Admin)));
        return services;
    }

    private sealed class LocalHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, LabActor.Local), new Claim(ClaimTypes.Role, LabPolicies.Admin)], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
