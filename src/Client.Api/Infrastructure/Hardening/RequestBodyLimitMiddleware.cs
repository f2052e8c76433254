using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// Caps every request body at <see cref="HardeningOptions.MaxRequestBodyBytes"/>. A declared <c>Content-Length</c>
/// over the cap is answered 413 at once (nothing reads the body); a chunked body is counted while it is read and
/// fails with a 413 as soon as it passes the cap. Kestrel enforces the same cap itself (its limit is set from the
/// same setting); the count here also holds where no server limit applies (the in-process test server).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<HardeningOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = _limit;
        }

        if (context.Request.ContentLength > _limit)
        {
            // This runs before the exception handler, so it answers itself rather than throwing.
            var tooLarge = TooLarge(_limit);
            context.Response.StatusCode = tooLarge.StatusCode;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ClientInputExceptionHandler.ProblemFor(tooLarge) });
            return;
        }

        context.Request.Body = new LimitedRequestStream(context.Request.Body, _limit);
        await next(context);
    }

    /// <summary>The 413 (also thrown by <see cref="LimitedRequestStream"/> while a body is read, inside the exception handler).</summary>
    public static ClientInputException TooLarge(long limit) =>
        new($"The request body is larger than {limit} bytes, the most this server accepts.", StatusCodes.Status413PayloadTooLarge);
}
