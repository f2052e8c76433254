using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>INV-6: a GET that carries an <c>Idempotency-Key</c> is an ordinary read; it never reaches the key's grain.</summary>
public sealed class ReadsWithAKeyWriteNothingTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private const string StateName = "idempotency";

    [Fact]
    public async Task A_get_with_a_key_answers_normally_and_writes_no_idempotency_record()
    {
        var http = fixture.Http;
        var key = IdempotencyApi.NewKey("read");

        foreach (var (path, status) in new[] { ("/api/v1/runs?limit=5", HttpStatusCode.OK), ("/api/v1/runs/run-unknown", HttpStatusCode.NotFound) })
        {
            for (var i = 0; i < 2; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add(IdempotencyApi.Header, key);
                using var response = await http.SendAsync(request);
                Assert.Equal(status, response.StatusCode);
                Assert.False(response.Headers.Contains("Idempotent-Replayed"), path);
            }
        }

        Assert.Equal(0, Writes());

        // Control: the counter does see the key grain's writes — a keyed POST stores its (400) answer once.
        var post = await http.PostWithKeyAsync(IdempotencyApi.Runs, """{"kind":"advancement"}""", key);
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        Assert.Equal(1, Writes());
    }

    private int Writes() => fixture.Factory.Storage?.WritesByState.GetValueOrDefault(StateName) ?? 0;
}
