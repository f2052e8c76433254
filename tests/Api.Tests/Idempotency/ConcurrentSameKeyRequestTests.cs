using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>
/// Requests racing on one new key do the work once: the first claims the key, the others get the stored 202 or,
/// while the first is still being handled, a 409 "in progress" problem.
/// </summary>
public sealed class ConcurrentSameKeyRequestTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Eight_simultaneous_requests_with_one_new_key_create_one_run_and_each_gets_the_202_or_a_409_in_progress()
    {
        var key = IdempotencyApi.NewKey("race");
        var json = IdempotencyApi.RunRequest(sigma: 19);
        var before = await _http.CountRunsAsync();

        var requests = Enumerable.Range(0, 8).Select(_ => _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key)).ToArray();
        var replies = await Task.WhenAll(requests);

        var accepted = replies.Where(r => r.Status == HttpStatusCode.Accepted).ToList();
        Assert.NotEmpty(accepted);
        Assert.Single(accepted, r => !r.Replayed);
        Assert.All(accepted, r =>
        {
            Assert.Equal(accepted[0].Body, r.Body);
            Assert.Equal(accepted[0].Location, r.Location);
        });
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Accepted), r =>
        {
            var problem = IdempotencyApi.AssertProblemNamingKey(r, HttpStatusCode.Conflict, key);
            Assert.Contains("in progress", problem["title"]!.GetValue<string>());
        });
        Assert.Equal(before + 1, await _http.CountRunsAsync());

        var retry = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        Assert.Equal(accepted[0].Body, retry.Body);
    }
}
