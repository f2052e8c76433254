namespace LabSandbox.Api.Infrastructure.Idempotency;

public static class IdempotencyKeyExtensions
{
    /// <summary>
    /// Honours <c>Idempotency-Key</c> on POSTs under <c>/api/v1/</c> (see <see cref="IdempotencyKeyMiddleware"/>).
    /// Add it after the exception handler and status-code pages, so a thrown request releases its key before the 500.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyKeyMiddleware>();
}
