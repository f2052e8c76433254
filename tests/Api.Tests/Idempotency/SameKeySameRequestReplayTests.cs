using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>
/// The same <c>Idempotency-Key</c> with the same request answers the first response again (status, content type,
/// <c>Location</c>, body bytes) without doing the work again — a 400 included.
/// </summary>
public sealed class SameKeySameRequestReplayTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Repeating_a_run_create_with_its_key_answers_the_same_202_body_and_location_and_creates_one_run()
    {
        var key = IdempotencyApi.NewKey("replay");
        var json = IdempotencyApi.RunRequest(sigma: 11);
        var before = await _http.CountRunsAsync();

        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var second = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var third = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);

        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.False(first.Replayed);
        var runId = first.Json["runId"]!.GetValue<string>();
        Assert.EndsWith($"/api/v1/runs/{runId}", first.Location);
        foreach (var again in new[] { second, third })
        {
            Assert.Equal(HttpStatusCode.Accepted, again.Status);
            Assert.Equal(first.ContentType, again.ContentType);
            Assert.Equal(first.Location, again.Location);
            Assert.Equal(first.Body, again.Body);
            Assert.True(again.Replayed);
        }

        Assert.Equal(before + 1, await _http.CountRunsAsync());
    }

    [Fact]
    public async Task A_400_validation_answer_is_replayed_as_the_same_400_for_the_same_key_and_body()
    {
        var key = IdempotencyApi.NewKey("invalid-body");
        const string json = """{"kind":"advancement","tournamentId":"ncaa-2019","startingState":"pre_tournament"}""";
        var before = await _http.CountRunsAsync();

        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var second = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);

        Assert.True(first.Status == HttpStatusCode.BadRequest, first.ToString());
        Assert.Equal("application/problem+json", first.ContentType);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Equal(first.Body, second.Body); // byte for byte, trace id included: the stored answer, not a new one
        Assert.True(second.Replayed);
        Assert.Equal(before, await _http.CountRunsAsync());
    }
}
