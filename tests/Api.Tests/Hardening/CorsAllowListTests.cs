using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>With <c>LabSandbox:Api:Cors:AllowedOrigins</c> set, exactly those origins may call <c>/api</c> from a browser.</summary>
public sealed class CorsAllowListTests : IAsyncLifetime
{
    private const string Allowed = "https://dashboard.example:8443";

    private readonly LabApiFactory _factory = new(new Dictionary<string, string?> { ["LabSandbox:Api:Cors:AllowedOrigins:0"] = Allowed });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_allowed_origin_gets_its_preflight_and_reads_and_another_gets_no_CORS_header()
    {
        var http = _factory.CreateClient();
        using var preflight = Preflight(Allowed);
        using var answer = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(Allowed, string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tournaments");
        get.Headers.Add("Origin", Allowed);
        using var read = await http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Allowed, string.Join(",", read.Headers.GetValues("Access-Control-Allow-Origin")));
        SecurityHeadersTests.AssertCommonHeaders(read);

        using var other = Preflight("https://elsewhere.example");
        using var refused = await http.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        // The UI is same-origin only: no CORS there even for the allowed origin.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Origin", Allowed);
        using var html = await http.SendAsync(page);
        Assert.False(html.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void An_entry_that_is_not_an_origin_stops_the_start()
    {
        using var bad = new LabApiFactory(new Dictionary<string, string?> { ["LabSandbox:Api:Cors:AllowedOrigins:0"] = "https://*.example/path" });
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("is not an origin", error.ToString());
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/runs");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
