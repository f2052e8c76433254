using System.Net;
using LabSandbox.Api.Tests.Idempotency;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// An <c>Idempotency-Key</c> belongs to the caller who sent it: another key's same header value neither replays the
/// first caller's stored response (which would hand it another's answer and skip its own change) nor blocks it with 422.
/// </summary>
public sealed class IdempotencyKeysPerCallerTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Fact]
    public async Task The_same_key_from_two_callers_is_two_keys()
    {
        using var analyst = fixture.Factory.ClientWith(fixture.Keys["analyst"]);
        using var admin = fixture.Factory.ClientWith(fixture.Keys["admin"]);
        var key = IdempotencyApi.NewKey("per-caller");
        var otherKey = IdempotencyApi.NewKey("per-caller-same-request");

        var first = await analyst.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 12), key);
        var otherCallerOtherRequest = await admin.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 13), key);
        var sameRequest = await analyst.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 14), otherKey);
        var otherCallerSameRequest = await admin.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 14), otherKey);
        var firstAgain = await analyst.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 12), key);

        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.False(first.Replayed);

        // Another request under the same header value: the other caller's own first use, not a 422 mismatch.
        Assert.True(otherCallerOtherRequest.Status == HttpStatusCode.Accepted, otherCallerOtherRequest.ToString());
        Assert.False(otherCallerOtherRequest.Replayed);

        // The same request under the same header value: handled for the other caller, not the first caller's answer replayed.
        Assert.True(sameRequest.Status == HttpStatusCode.Accepted, sameRequest.ToString());
        Assert.True(otherCallerSameRequest.Status == HttpStatusCode.Accepted, otherCallerSameRequest.ToString());
        Assert.False(otherCallerSameRequest.Replayed);

        // The first caller's key still replays its own answer.
        Assert.True(firstAgain.Replayed);
        Assert.Equal(first.Body, firstAgain.Body);
    }
}
