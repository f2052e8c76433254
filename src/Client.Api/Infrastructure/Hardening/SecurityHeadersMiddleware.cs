using Scalar.AspNetCore;

namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// Adds <see cref="SecurityHeaders"/> to every response when it starts. It runs first in the pipeline, so the
/// headers are there whatever answers: an endpoint, the exception handler (which clears headers before its problem
/// details, but not this callback), status-code pages, an idempotent replay or a 413 from the body limit.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            SecurityHeaders.Apply(http, http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
