using System.Net;
using System.Text.RegularExpressions;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>Security headers on UI pages, API answers (success and problem), the API reference page, and CORS off by default.</summary>
public sealed partial class SecurityHeadersTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private const string UiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/", UiPolicy)]
    [InlineData("/runs", UiPolicy)]
    [InlineData("/no-such-page", UiPolicy)]
    [InlineData("/api/v1/tournaments", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/api/v1/runs/run-missing", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/api/v1/runs/bad%20id", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/openapi/v1.json", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/health", "default-src 'none'; frame-ancestors 'none'")]
    public async Task Every_response_carries_the_headers_and_its_policy(string path, string policy)
    {
        using var response = await fixture.Http.GetAsync(path);
        AssertCommonHeaders(response);
        Assert.Equal(policy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task A_UI_page_has_no_inline_script_for_the_policy_to_block()
    {
        var html = await fixture.Http.GetStringAsync("/");
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=", tag));
        Assert.DoesNotContain("<script type=\"importmap\"", html);
    }

    [Fact]
    public async Task The_API_reference_page_allows_exactly_its_own_nonced_scripts()
    {
        using var response = await fixture.Http.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceSource().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Equal(SecurityHeaders.ReferencePagePolicy(nonce), policy);
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));

        using var again = await fixture.Http.GetAsync("/api/docs");
        Assert.NotEqual(policy, string.Join(",", again.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Without_an_allow_list_no_CORS_header_is_sent()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/runs");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await fixture.Http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tournaments");
        get.Headers.Add("Origin", "https://elsewhere.example");
        using var read = await fixture.Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(read.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    internal static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
