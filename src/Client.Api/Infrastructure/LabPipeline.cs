using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Infrastructure.Idempotency;
using LabSandbox.Api.Infrastructure.Security;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The middleware of the API and the web UI, in one place because their order is the point (docs/security.md).</summary>
public static class LabPipeline
{
    /// <summary>
    /// 0. The hardened surface (security headers, CORS, the body cap: <see cref="HardeningExtensions.UseLabHardening"/>):
    ///    first, so every response carries the headers, a CORS preflight needs no key, and an oversized body is refused
    ///    before anything reads it (the <c>Idempotency-Key</c> hash included).
    /// 1. Problem details for exceptions, and for the API's bare status codes; the UI's unknown addresses re-execute as
    ///    its not-found page (before routing, so that page is routed like any other).
    /// 2. Routing, then authentication, authorization, the request's actor and the per-key rate limits: after routing so
    ///    each endpoint's policy is known, and before <c>Idempotency-Key</c>, so a stored response is replayed only to a
    ///    caller allowed to make the request (and a refused request claims no key).
    /// 3. <c>Idempotency-Key</c> (after the exception handler, so a thrown request releases its key before the 500).
    /// 4. The audit trail's recorder (after authentication, so the actor is known; inside <c>Idempotency-Key</c>, so a
    ///    replayed response adds no row).
    /// 5. Antiforgery for the UI's forms (after authentication, as it ties tokens to the user).
    /// </summary>
    public static WebApplication UseLabSandboxPipeline(this WebApplication app)
    {
        app.UseLabHardening();
        app.UseExceptionHandler();
        app.UseWhen(ApiEndpoints.IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiEndpoints.IsApiRequest(context), ui => ui.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseRouting();
        app.UseLabSecurity();
        app.UseIdempotencyKeys();
        app.UseLabAudit();
        app.UseAntiforgery();
        return app;
    }
}
