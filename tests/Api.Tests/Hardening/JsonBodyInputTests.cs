using System.Net;
using System.Text;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>
/// Bodies no JSON reader can take as text get a 400 naming what is wrong, never a 500, and write nothing: an escaped
/// lone surrogate (it used to throw while the body was written out again), raw bytes that are not UTF-8 (they used
/// to be replaced by U+FFFD and accepted), nesting past the depth limit, duplicate names, an empty body.
/// </summary>
public sealed class JsonBodyInputTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private const string Runs = "/api/v1/runs";

    [Fact]
    public async Task An_escaped_lone_surrogate_is_a_400_naming_the_field()
    {
        var writes = fixture.Factory.Storage!.WritesByState;
        var body = """{"kind":"advancement","tournamentId":"ncaa-\ud80025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""";
        var problem = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("tournamentId", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("lone surrogate", problem["detail"]!.GetValue<string>());
        var lowAlone = """{"syntheticCalcuttaId":"x","calcuttaId":"calcutta-2025\udc00"}""";
        var copy = await (await fixture.Http.PostBytesAsync("/api/v1/sandbox/synthetic-calcuttas/from-calcutta", Encoding.UTF8.GetBytes(lowAlone)))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("calcuttaId", copy["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(writes, fixture.Factory.Storage.WritesByState);
    }

    [Fact]
    public async Task A_surrogate_pair_escaped_is_text_and_reaches_the_request_reader()
    {
        // 😀 as an escaped pair is valid text: the body is read, and the grain names the unknown tournament.
        var body = """{"kind":"advancement","tournamentId":"ncaa-\ud83d\ude00","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""";
        var problem = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes(body))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("tournamentId", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("surrogate", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded as if UTF-8 (CESU-8)
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })] // a truncated sequence
    public async Task Bytes_that_are_not_UTF_8_are_a_400(byte[] bad)
    {
        var writes = fixture.Factory.Storage!.WritesByState;
        var body = Encoding.UTF8.GetBytes("{\"kind\":\"advancement\",\"tournamentId\":\"ncaa-").Concat(bad)
            .Concat(Encoding.UTF8.GetBytes("\",\"startingState\":\"pre_tournament\"}")).ToArray();
        var problem = await (await fixture.Http.PostBytesAsync(Runs, body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The body is not valid UTF-8 JSON.", problem["detail"]!.GetValue<string>());
        Assert.Equal(writes, fixture.Factory.Storage.WritesByState);
    }

    [Fact]
    public async Task Nesting_past_the_depth_limit_is_a_400()
    {
        var deep = """{"kind":"advancement","model":""" + string.Concat(Enumerable.Repeat("""{"a":""", 40)) + "1" + new string('}', 41);
        var problem = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes(deep))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("depth of 32", problem["detail"]!.GetValue<string>());

        // 31 levels is within the limit: the body is read and the request reader names the bad model.
        var within = """{"kind":"advancement","model":""" + string.Concat(Enumerable.Repeat("""{"a":""", 30)) + "1" + new string('}', 31);
        var read = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes(within))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("depth", read["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"kind":"advancement","kind":"simulation"}""", "Duplicate")]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"kind\":NaN}", "not valid JSON")]
    [InlineData("{\"kind\":\"advancement\"", "not valid JSON")]
    public async Task Duplicate_names_empty_bodies_non_objects_and_broken_JSON_are_400s(string body, string expected)
    {
        var problem = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes(body))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_its_content_type_is_a_415()
    {
        // Routing refuses it (the endpoint accepts application/json only) before the body is bound.
        var problem = await (await fixture.Http.PostBytesAsync(Runs, Encoding.UTF8.GetBytes("kind=advancement"), "text/plain"))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported Media Type", problem["title"]!.GetValue<string>());
    }
}
