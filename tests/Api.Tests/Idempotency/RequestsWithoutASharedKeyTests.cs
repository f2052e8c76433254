using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>Only a repeated key deduplicates: different keys, or no key at all, create as many runs as requests.</summary>
public sealed class RequestsWithoutASharedKeyTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_same_request_under_two_different_keys_creates_two_runs()
    {
        var json = IdempotencyApi.RunRequest(sigma: 15);
        var before = await _http.CountRunsAsync();

        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, IdempotencyApi.NewKey("first"));
        var second = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, IdempotencyApi.NewKey("second"));

        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.True(second.Status == HttpStatusCode.Accepted, second.ToString());
        Assert.NotEqual(first.Json["runId"]!.GetValue<string>(), second.Json["runId"]!.GetValue<string>());
        Assert.False(second.Replayed);
        Assert.Equal(before + 2, await _http.CountRunsAsync());
    }

    [Fact]
    public async Task Without_a_key_each_post_creates_a_run_as_before()
    {
        var json = IdempotencyApi.RunRequest(sigma: 16);
        var before = await _http.CountRunsAsync();

        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key: null);
        var second = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key: null);

        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.True(second.Status == HttpStatusCode.Accepted, second.ToString());
        Assert.NotEqual(first.Json["runId"]!.GetValue<string>(), second.Json["runId"]!.GetValue<string>());
        Assert.False(first.Replayed || second.Replayed);
        Assert.Equal(before + 2, await _http.CountRunsAsync());
    }
}
