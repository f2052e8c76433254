using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Idempotency;

namespace LabSandbox.Grains.Idempotency;

[GenerateSerializer]
public sealed class IdempotencyKeyState
{
    [Id(0)] public IdempotencyRecord? Record { get; set; }
}

/// <summary>
/// One idempotency key. The first completed request's hash and response are stored durably; a request in progress
/// holds an in-memory claim (a lease, so a claimant that died does not lock the key forever). Calls are not
/// interleaved, so two requests racing on a new key get one claim and one "in progress".
/// </summary>
public sealed class IdempotencyKeyGrain(
    [PersistentState("idempotency", LabStorage.Name)] IPersistentState<IdempotencyKeyState> state,
    TimeProvider time) : Grain, IIdempotencyKeyGrain
{
    /// <summary>
    /// How long a claim holds the key without being completed or released: longer than any POST takes, short
    /// enough that a claim orphaned by a crashed or cut-off API process does not lock its key for long.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    private Claim? _claim;

    public Task<IdempotencyClaim> TryClaimAsync(string requestHash)
    {
        if (state.State.Record is { } record)
        {
            if (record.RequestHash != requestHash)
            {
                return Task.FromResult(new IdempotencyClaim(IdempotencyClaimOutcome.Mismatch));
            }

            LabMetrics.IdempotencyReplays.Add(1);
            return Task.FromResult(new IdempotencyClaim(IdempotencyClaimOutcome.Replay, Response: record.Response));
        }

        var now = time.GetUtcNow();
        if (_claim is { } held && held.ExpiresAt > now)
        {
            return Task.FromResult(new IdempotencyClaim(
                held.RequestHash == requestHash ? IdempotencyClaimOutcome.InProgress : IdempotencyClaimOutcome.Mismatch));
        }

        _claim = new Claim(Guid.NewGuid(), requestHash, now + ClaimLease);
        DelayDeactivation(ClaimLease);
        return Task.FromResult(new IdempotencyClaim(IdempotencyClaimOutcome.Claimed, _claim.Id));
    }

    public async Task CompleteAsync(string requestHash, IdempotentResponse response)
    {
        if (state.State.Record is null)
        {
            // Even a claim whose lease lapsed (or that this activation never saw) stores its response: the work was done.
            state.State.Record = new IdempotencyRecord(requestHash, response, time.GetUtcNow());
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Record = null;
                throw;
            }
        }

        // Once a response is stored, every later claim replays or mismatches, so no claim is needed any more.
        _claim = null;
    }

    public Task ReleaseAsync(Guid claimId)
    {
        if (_claim?.Id == claimId)
        {
            _claim = null;
        }

        return Task.CompletedTask;
    }

    private sealed record Claim(Guid Id, string RequestHash, DateTimeOffset ExpiresAt);
}
