using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The web UI's sign-out: <c>POST /sign-out</c> from the app bar's form, with its antiforgery token (a cross-site
/// page cannot sign a user out). Signing in is the <c>/sign-in</c> page's own form. Not part of the API document.
/// </summary>
public static class SessionEndpoints
{
    public const string SignInPath = "/sign-in";

    public const string SignOutPath = "/sign-out";

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    // The token is checked here, not by the antiforgery middleware's metadata: this endpoint binds no form fields,
    // so nothing else would reject a request without one.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A valid antiforgery token was not provided.");
        }

        await context.SignOutAsync(LabAuthSchemes.Cookie);
        return TypedResults.LocalRedirect(SignInPath);
    }
}
