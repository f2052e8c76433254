using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests.Health;

/// <summary>
/// A real silo process on a PostgreSQL server of the test's own, with its health port: <c>/health/ready</c> is 200,
/// turns 503 (the PostgreSQL and artifact-store checks Unhealthy) once PostgreSQL is stopped with <c>pg_ctl</c> while
/// <c>/health/live</c> stays 200, and is 200 again after PostgreSQL starts. Each wait is bounded.
/// </summary>
public sealed class ReadinessFollowsPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string artifacts = Directory.CreateTempSubdirectory("labsandbox-ready-").FullName;
    private PrivatePostgres? postgres;

    public async Task InitializeAsync() => postgres = await PrivatePostgres.StartAsync();

    [Fact]
    public async Task Ready_goes_unready_when_postgres_stops_and_ready_again_after_it_restarts()
    {
        var port = FreePorts.Next();
        await using var silo = SiloProcess.Start(postgres!.ConnectionString, $"ready-{Guid.NewGuid():N}", artifacts, new Dictionary<string, string>
        {
            ["LabSandbox__HealthPort"] = port.ToString(),
            ["LabSandbox__ImportRealData"] = "false",
        });

        var ready = await Eventually.WaitAsync(() => HealthProbe.GetAsync(http, port, "/health/ready"), r => r.Status == HttpStatusCode.OK || silo.HasExited,
            "the silo's first /health/ready", Bound);
        Assert.False(silo.HasExited, silo.Output);
        Assert.Equal(["artifacts", "postgres", "silo"], ready.Body!["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));

        await postgres.StopServerAsync();
        var down = await Eventually.WaitAsync(() => HealthProbe.GetAsync(http, port, "/health/ready"), r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body is not null,
            "/health/ready answering 503 with PostgreSQL stopped", Bound);
        Assert.Equal("Unhealthy", down.Body!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", down.Body["checks"]!["postgres"]!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", down.Body["checks"]!["artifacts"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(http, port, "/health/live")).Status);

        await postgres.StartServerAsync();
        var back = await Eventually.WaitAsync(() => HealthProbe.GetAsync(http, port, "/health/ready"), r => r.Status == HttpStatusCode.OK || silo.HasExited,
            "/health/ready answering 200 after PostgreSQL restarted", Bound);
        Assert.False(silo.HasExited, silo.Output);
        Assert.All(back.Body!["checks"]!.AsObject(), c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        Directory.Delete(artifacts, recursive: true);
    }
}
