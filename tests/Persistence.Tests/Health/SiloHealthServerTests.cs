using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests.Health;

/// <summary>
/// The standalone silo host's probe server, in a real silo process on PostgreSQL: <c>/health/live</c> answers as soon
/// as the process runs, <c>/health/ready</c> once the silo is Active, the database answers and the artifact store takes a
/// write (each check shown: the test calls from loopback), and SIGTERM ends the
/// process within its shutdown timeout.
/// </summary>
public sealed class SiloHealthServerTests : IAsyncLifetime
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string artifacts = Directory.CreateTempSubdirectory("labsandbox-health-").FullName;
    private TestDatabase? database;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(nameof(SiloHealthServerTests));

    [Fact]
    public async Task Live_then_ready_with_silo_postgres_and_artifact_checks_and_a_graceful_stop()
    {
        var port = FreePorts.Next();
        await using var silo = SiloProcess.Start(database!.ConnectionString, $"health-{Guid.NewGuid():N}", artifacts, new Dictionary<string, string>
        {
            ["LabSandbox__HealthPort"] = port.ToString(),
            ["LabSandbox__ImportRealData"] = "false",
            ["LabSandbox__ShutdownTimeoutSeconds"] = "20",
        });

        var live = await Eventually.WaitAsync(() => HealthProbe.GetAsync(http, port, "/health/live"), r => r.Status == HttpStatusCode.OK || silo.HasExited,
            "the silo's /health/live", TimeSpan.FromSeconds(60));
        Assert.False(silo.HasExited, silo.Output);
        Assert.Equal("Healthy", live.Body!["status"]!.GetValue<string>());
        Assert.Empty(live.Body["checks"]!.AsObject());

        var ready = await Eventually.WaitAsync(() => HealthProbe.GetAsync(http, port, "/health/ready"), r => r.Status == HttpStatusCode.OK || silo.HasExited,
            "the silo's /health/ready", TimeSpan.FromSeconds(60));
        Assert.False(silo.HasExited, silo.Output);
        var checks = ready.Body!["checks"]!.AsObject();
        Assert.Equal(["artifacts", "postgres", "silo"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
        Assert.Contains("is Active in membership", checks["silo"]!["description"]!.GetValue<string>());

        var clock = Stopwatch.StartNew();
        await silo.StopAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"graceful stop took {clock.Elapsed.TotalSeconds:0.0} s");
        var after = await HealthProbe.GetAsync(http, port, "/health/live");
        Assert.True(after.Status == HttpStatusCode.ServiceUnavailable && after.Body is null, $"after the stop: {after.Status} {after.Body}; exited {silo.HasExited}");
    }

    [Fact]
    public async Task A_kubernetes_silo_whose_ids_disagree_with_the_orleans_variables_refuses_to_start()
    {
        var serviceId = $"health-{Guid.NewGuid():N}";
        await using var silo = SiloProcess.Start(database!.ConnectionString, serviceId, artifacts, new Dictionary<string, string>
        {
            ["LabSandbox__Kubernetes__Enabled"] = "true",
            ["POD_NAME"] = "labsandbox-silo-0",
            ["POD_NAMESPACE"] = "labsandbox",
            ["POD_IP"] = "127.0.0.1",
            ["ORLEANS_SERVICE_ID"] = "another-service",
            ["ORLEANS_CLUSTER_ID"] = serviceId,
        });

        Assert.NotEqual(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"ORLEANS_SERVICE_ID='another-service' disagrees with LabSandbox:ServiceId='{serviceId}'", silo.Output);
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
}
