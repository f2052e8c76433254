namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// The security headers of every response, and the three Content-Security-Policies: the web UI's, the API's
/// reference page's, and everything else the API answers.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server and MudBlazor need no inline script (the document shell loads three script files) but do set
    /// inline styles. The circuit's WebSocket is same-origin, which <c>'self'</c> covers (CSP Level 3), so no
    /// <c>ws:</c>/<c>wss:</c> wildcard is needed.
    /// </summary>
    public const string UiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>JSON, problem details, CSV, event streams: nothing a browser should run or frame.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar): its scripts are files of this server plus its own inline start-up script,
    /// allowed by the nonce Scalar draws per request; it styles inline and fetches the OpenAPI document.
    /// </summary>
    public static string ReferencePagePolicy(string nonce) =>
        $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Sets the headers on <paramref name="context"/>'s response, as it starts (so error pages and replays get them too).</summary>
    public static void Apply(HttpContext context, string? referencePageNonce)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = referencePageNonce is not null ? ReferencePagePolicy(referencePageNonce)
            : ApiEndpoints.IsApiRequest(context) ? ApiPolicy
            : UiPolicy;
    }
}
