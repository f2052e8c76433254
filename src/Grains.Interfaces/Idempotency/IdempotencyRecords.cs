namespace LabSandbox.Grains.Interfaces.Idempotency;

/// <summary>
/// A response as the client saw it: status code, content type, <c>Location</c> header and the body bytes.
/// The body array is never changed after the response is captured.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.IdempotentResponse")]
public sealed record IdempotentResponse(
    [property: Id(0)] int StatusCode,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] string? Location,
    [property: Id(3)] byte[] Body);

/// <summary>The first completed request made with one idempotency key, and the response it got.</summary>
/// <param name="RequestHash">Lower-case hex SHA-256 of the request's method, path and body bytes.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.IdempotencyRecord")]
public sealed record IdempotencyRecord(
    [property: Id(0)] string RequestHash,
    [property: Id(1)] IdempotentResponse Response,
    [property: Id(2)] DateTimeOffset CompletedAt);

public enum IdempotencyClaimOutcome
{
    /// <summary>The key is new (or its last attempt failed): the caller does the work, then completes or releases the claim.</summary>
    Claimed,

    /// <summary>The same request already completed with this key: answer its stored response.</summary>
    Replay,

    /// <summary>The key belongs to a different request (another method, path or body).</summary>
    Mismatch,

    /// <summary>The same request is being handled under this key right now.</summary>
    InProgress,
}

/// <summary>The answer to a claim: the outcome, the claim's id when claimed, and the stored response on a replay.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyClaimOutcome Outcome,
    [property: Id(1)] Guid ClaimId = default,
    [property: Id(2)] IdempotentResponse? Response = null);
