using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Security;
using Xunit;

namespace LabSandbox.Api.Tests.Telemetry;

/// <summary>
/// The API's <c>/metrics</c> with authentication required: refused without a key, served to a reader's key (what a
/// Prometheus scrape job carries) as Prometheus text with the project's, Orleans', ASP.NET Core's and the runtime's instruments.
/// </summary>
public sealed class PrometheusScrapeTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Fact]
    public async Task Metrics_needs_a_reader_key_and_serves_prometheus_text_with_the_projects_instruments()
    {
        using var anonymous = fixture.Factory.ClientWith(null);
        using var refused = await anonymous.GetAsync("/metrics");
        await SecurityApi.AssertUnauthorizedAsync(refused, null, "GET /metrics");

        using var analyst = fixture.Factory.ClientWith(fixture.Keys["analyst"]);
        var runId = await analyst.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2025", "through_round:4"));
        await analyst.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));

        using var reader = fixture.Factory.ClientWith(fixture.Keys["reader"]);
        using var scraped = await reader.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await scraped.Content.ReadAsStringAsync();
        PrometheusText.AssertHasLabInstruments(text);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.DoesNotContain(runId, text, StringComparison.Ordinal);
    }
}
