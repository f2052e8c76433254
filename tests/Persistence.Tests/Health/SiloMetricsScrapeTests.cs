using System.Net;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests.Health;

/// <summary>
/// A real silo process's health port serves <c>/metrics</c> unauthenticated (the port is internal, like its probes),
/// as Prometheus text with the project's gauge of active runs and Orleans', Npgsql's and the runtime's instruments.
/// </summary>
public sealed class SiloMetricsScrapeTests : IAsyncLifetime
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string artifacts = Directory.CreateTempSubdirectory("labsandbox-metrics-").FullName;
    private TestDatabase? database;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(nameof(SiloMetricsScrapeTests));

    [Fact]
    public async Task The_health_port_serves_prometheus_text_with_the_projects_instruments()
    {
        var port = FreePorts.Next();
        await using var silo = SiloProcess.Start(database!.ConnectionString, $"metrics-{Guid.NewGuid():N}", artifacts, new Dictionary<string, string>
        {
            ["LabSandbox__HealthPort"] = port.ToString(),
            ["LabSandbox__ImportRealData"] = "false",
        });

        // The gauge appears once the silo has read the run catalog (it retries every second until it can).
        var text = await Eventually.WaitAsync(() => ScrapeAsync(port), t => t.Contains("labsandbox_runs_active{", StringComparison.Ordinal) || silo.HasExited,
            "the silo's /metrics with labsandbox_runs_active", TimeSpan.FromSeconds(60));
        Assert.False(silo.HasExited, silo.Output);
        Assert.Contains("# TYPE labsandbox_runs_active gauge", text, StringComparison.Ordinal);
        Assert.Contains("labsandbox_runs_active{otel_scope_name=\"LabSandbox\",status=\"queued\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("labsandbox_runs_active{otel_scope_name=\"LabSandbox\",status=\"running\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("\norleans_", text, StringComparison.Ordinal);
        Assert.Contains("\ndb_client_", text, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_", text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(artifacts, recursive: true);
    }

    /// <summary>The scrape's text; empty while nothing listens on the port.</summary>
    private async Task<string> ScrapeAsync(int port)
    {
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
