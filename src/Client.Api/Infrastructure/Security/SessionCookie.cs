using LabSandbox.Api.Components.Account;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The web UI's session cookie: HttpOnly, SameSite=Strict, Secure when the request is HTTPS, sliding eight hours. It
/// holds the principal of the key signed in with, including the key's hash (never the key), which is re-checked with
/// the registry on every request, so revoking the key ends its sessions at their next request. On the API's paths a
/// missing or insufficient session is a 401/403 problem, not a redirect to the sign-in page.
/// </summary>
public static class SessionCookie
{
    public const string SignInPath = "/sign-in";
    public const string AccessDeniedPath = "/access-denied";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = LabAuthSchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = SignInPath;

        // The sign-in page's own query parameter (the handler's default is "ReturnUrl"), so the challenge's redirect
        // and the UI's own redirects agree and the page finds where to return.
        options.ReturnUrlParameter = SignInReturnUrl.Parameter;
        options.AccessDeniedPath = AccessDeniedPath;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ValidateAsync,
            OnRedirectToLogin = context => ApiEndpoints.IsApiRequest(context.HttpContext)
                ? AuthProblems.UnauthorizedAsync(context.HttpContext)
                : Redirect(context),
            OnRedirectToAccessDenied = context => ApiEndpoints.IsApiRequest(context.HttpContext)
                ? AuthProblems.ForbiddenAsync(context.HttpContext, requiredRole: null)
                : Redirect(context),
        };
    }

    /// <summary>Keeps the session only while its key is active; the principal is rebuilt from the registry's record.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirst(LabAuthSchemes.KeyHashClaim)?.Value;
        var key = hash is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<IClusterClient>()
                .GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).FindAsync(hash);
        if (key is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(LabAuthSchemes.Cookie);
            return;
        }

        context.ReplacePrincipal(LabPrincipals.ForKey(key, LabAuthSchemes.Cookie));
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
