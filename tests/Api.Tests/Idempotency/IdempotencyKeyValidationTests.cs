using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>A key is 1 to 200 printable ASCII characters; any other key is a 400 problem on the header and the request does nothing.</summary>
public sealed class IdempotencyKeyValidationTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    public static TheoryData<string, string> InvalidKeys => new()
    {
        { "blank after trimming", "   " },
        { "201 characters", new string('k', 201) },
        { "non-ASCII", "clé-1" },
        { "a control character", "tab\tinside" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task An_invalid_key_is_a_400_problem_on_the_header_and_creates_nothing(string why, string key)
    {
        var before = await _http.CountRunsAsync();

        var reply = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 17), key);

        var problem = SandboxApi.AssertInvalid(new SandboxApi.Reply(reply.Status, reply.Text, reply.Json, reply.ContentType), why, IdempotencyApi.Header);
        Assert.Contains("printable ASCII", SandboxApi.Messages(problem, IdempotencyApi.Header).Single());
        Assert.Equal(before, await _http.CountRunsAsync());
    }

    [Fact]
    public async Task A_key_of_200_printable_ASCII_characters_spaces_and_punctuation_included_is_accepted()
    {
        var key = ("key with spaces, punctuation ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./ " + new string('x', 200))[..200];

        var first = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 18), key);
        var again = await _http.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 18), key);

        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.Equal(first.Body, again.Body);
        Assert.True(again.Replayed);
    }
}
