using LabSandbox.Grains.Interfaces.Idempotency;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs (every POST under <c>/api/v1/</c> creates or changes something).
/// The same key with the same request (method, path, body) answers the first response again, without the work;
/// with another request it is 422; while the first is still being handled it is 409. Without the header, or on
/// any other method, the request passes untouched (reads never reach the key's grain, INV-6). Responses of 500
/// and above are not kept, so a failed request can be retried with its key.
/// </summary>
public sealed partial class IdempotencyKeyMiddleware(RequestDelegate next, ILogger<IdempotencyKeyMiddleware> logger)
{
    /// <summary>Set to <c>true</c> on a response answered from a stored one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
            || !request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var values))
        {
            await next(context);
            return;
        }

        if (!IdempotencyKeyHeader.TryParse(values, out var key, out var error))
        {
            await ApiProblems.Invalid(IdempotencyKeyHeader.Name, error).ExecuteAsync(context);
            return;
        }

        var requestHash = await IdempotencyKeyHeader.HashRequestAsync(request, context.RequestAborted);
        var grain = context.RequestServices.GetRequiredService<IGrainFactory>()
            .GetGrain<IIdempotencyKeyGrain>(IIdempotencyKeyGrain.KeyFor(IdempotencyKeyHeader.ScopedTo(LabActor.Current, key)));
        var claim = await grain.TryClaimAsync(requestHash);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
            case IdempotencyClaimOutcome.Mismatch:
                await Mismatch(key).ExecuteAsync(context);
                return;
            case IdempotencyClaimOutcome.InProgress:
                context.Response.Headers.RetryAfter = "1";
                await InProgress(key).ExecuteAsync(context);
                return;
        }

        var response = await CaptureAsync(context, grain, claim.ClaimId, key);
        if (response.StatusCode < StatusCodes.Status500InternalServerError)
        {
            try
            {
                await grain.CompleteAsync(requestHash, response);
            }
            catch (Exception ex)
            {
                // The work is done and the client still gets its answer; only a retry with this key may repeat it.
                LogNotStored(logger, ex, response.StatusCode);
                await ReleaseAsync(grain, claim.ClaimId);
            }
        }
        else
        {
            await ReleaseAsync(grain, claim.ClaimId);
        }

        if (response.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    /// <summary>Runs the rest of the pipeline with the body written to memory; on an exception the claim is released.</summary>
    private async Task<IdempotentResponse> CaptureAsync(HttpContext context, IIdempotencyKeyGrain grain, Guid claimId, string key)
    {
        var original = context.Response.Body;
        var captured = new MemoryStream();
        context.Response.Body = captured;
        var capturing = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        try
        {
            await next(context);
            await capturing.CompleteAsync(); // flushes what the endpoint wrote through the PipeWriter
        }
        catch
        {
            LogReleasedAfterException(logger, key);
            await ReleaseAsync(grain, claimId);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var location = context.Response.Headers.Location;
        return new IdempotentResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            location.Count > 0 ? location.ToString() : null,
            captured.ToArray());
    }

    private async Task ReleaseAsync(IIdempotencyKeyGrain grain, Guid claimId)
    {
        try
        {
            await grain.ReleaseAsync(claimId);
        }
        catch (Exception ex)
        {
            // The claim's lease lapses on its own.
            LogNotReleased(logger, ex);
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null)
        {
            response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        if (stored.Body.Length > 0)
        {
            response.ContentLength = stored.Body.Length;
            await response.Body.WriteAsync(stored.Body, context.RequestAborted);
        }
    }

    private static ProblemHttpResult Mismatch(string key) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency key reused for a different request",
            detail: $"{IdempotencyKeyHeader.Name} '{key}' was already used for a different request (method, path or body); send a new key for a new request.");

    private static ProblemHttpResult InProgress(string key) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A request with this key is in progress",
            detail: $"A request with {IdempotencyKeyHeader.Name} '{key}' is in progress; retry once it has completed.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotent request's {StatusCode} response could not be stored; a retry with its key may repeat the work")]
    private static partial void LogNotStored(ILogger logger, Exception exception, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotency claim could not be released; it lapses with its lease")]
    private static partial void LogNotReleased(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request with idempotency key '{Key}' threw; its claim is released")]
    private static partial void LogReleasedAfterException(ILogger logger, string key);
}
