using System.Diagnostics;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Health;
using LabSandbox.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LabSandbox.Persistence.Tests.Health;

/// <summary>The readiness check of PostgreSQL: healthy when the server answers, unhealthy within its timeout when it does not.</summary>
public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task Healthy_when_the_server_answers()
    {
        var check = new PostgresHealthCheck(TestDatabase.ServerConnectionString);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Unhealthy_within_its_timeout_when_nothing_listens_and_without_the_connection_string_in_the_message()
    {
        var closed = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Port = FreePorts.Next(), Password = "secret-pw" }.ConnectionString;
        var clock = Stopwatch.StartNew();
        var result = await new PostgresHealthCheck(closed).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain("secret-pw", result.Description);
    }
}
