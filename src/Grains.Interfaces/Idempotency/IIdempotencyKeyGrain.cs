namespace LabSandbox.Grains.Interfaces.Idempotency;

/// <summary>
/// One caller's client-chosen idempotency key, keyed by the SHA-256 of the scoped key. It holds the first completed request's hash and
/// response durably, and a short-lived in-memory claim while a request with the key is being handled.
/// </summary>
[Alias("LabSandbox.IIdempotencyKeyGrain")]
public interface IIdempotencyKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// The grain key of an idempotency key: the lower-case hex SHA-256 of its characters (UTF-8). The API passes the
    /// key scoped to its caller (name, newline, header value), so keys are per caller.
    /// </summary>
    static string KeyFor(string idempotencyKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>Replays, refuses (mismatch or in progress) or claims the key for the request with this hash.</summary>
    [Alias("TryClaim")]
    Task<IdempotencyClaim> TryClaimAsync(string requestHash);

    /// <summary>Stores the response of a claimed request, which ends every claim; the first stored response stands.</summary>
    [Alias("Complete")]
    Task CompleteAsync(string requestHash, IdempotentResponse response);

    /// <summary>Ends a claim without storing anything, so the same key can be retried.</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid claimId);
}
