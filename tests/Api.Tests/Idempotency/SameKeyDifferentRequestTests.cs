using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>
/// A key belongs to the first request made with it: the same key with another body or on another path is a 422
/// problem that names the key, and that request does nothing.
/// </summary>
public sealed class SameKeyDifferentRequestTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_problem_naming_the_key_and_creates_nothing()
    {
        var key = IdempotencyApi.NewKey("other-body");
        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 12), key);
        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        var before = await _http.CountRunsAsync();

        var other = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 13), key);

        IdempotencyApi.AssertProblemNamingKey(other, HttpStatusCode.UnprocessableEntity, key);
        Assert.Equal(before, await _http.CountRunsAsync());
    }

    [Fact]
    public async Task The_same_key_on_a_different_path_is_a_422_problem_and_creates_nothing()
    {
        var key = IdempotencyApi.NewKey("other-path");
        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 14), key);
        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());

        var body = new JsonObject { ["syntheticCalcuttaId"] = "syn-idempotency-mismatch", ["calcuttaId"] = "calcutta-2019" }.ToJsonString();
        var other = await _http.PostWithKeyAsync($"{SandboxApi.SyntheticCalcuttas}/from-calcutta", body, key);

        IdempotencyApi.AssertProblemNamingKey(other, HttpStatusCode.UnprocessableEntity, key);
        var synthetic = await _http.SendAsync(HttpMethod.Get, $"{SandboxApi.SyntheticCalcuttas}/syn-idempotency-mismatch");
        Assert.Equal(HttpStatusCode.NotFound, synthetic.Status);
    }
}
