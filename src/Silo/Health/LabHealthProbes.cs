using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using LabSandbox.Silo.Hosting;

namespace LabSandbox.Silo.Health;

/// <summary>
/// The two probes the silo host and the API both serve: <c>/health/live</c> runs no check (the process answers HTTP,
/// so it is not hung), <c>/health/ready</c> runs every check tagged <see cref="ReadyTag"/>. One body for both hosts so
/// orchestrators and people read the same thing.
/// </summary>
public static class LabHealthProbes
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    /// <summary>Registers the PostgreSQL check (tagged ready) when a connection string is configured.</summary>
    public static IHealthChecksBuilder AddLabPostgresCheck(this IHealthChecksBuilder checks, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            checks.AddCheck(PostgresHealthCheck.Name, new PostgresHealthCheck(connectionString), tags: [ReadyTag]);
        }

        return checks;
    }

    /// <summary>Registers the artifact-store check (tagged ready): the process's <c>IArtifactStore</c> takes a write.</summary>
    public static IHealthChecksBuilder AddLabArtifactStoreCheck(this IHealthChecksBuilder checks) =>
        checks.AddCheck<ArtifactStoreHealthCheck>(ArtifactStoreHealthCheck.Name, tags: [ReadyTag]);

    /// <param name="detail">Whether the body names each check (admins, or a loopback caller on a silo's port); else status only.</param>
    public static async Task<(int StatusCode, HealthStatusResponse Body)> LiveAsync(HealthCheckService health, bool detail, CancellationToken cancellationToken) =>
        Respond(await health.CheckHealthAsync(_ => false, cancellationToken), detail);

    /// <param name="detail">Whether the body names each check (admins, or a loopback caller on a silo's port); else status only.</param>
    public static async Task<(int StatusCode, HealthStatusResponse Body)> ReadyAsync(HealthCheckService health, bool detail, CancellationToken cancellationToken) =>
        Respond(await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken), detail);

    private static (int, HealthStatusResponse) Respond(HealthReport report, bool detail)
    {
        // Descriptions say which dependency failed and how: useful to an operator, reconnaissance to anyone else.
        var checks = detail
            ? report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckOutcome(e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)))
            : null;
        // Degraded still serves: only Unhealthy takes the process out of rotation.
        var code = report.Status == HealthStatus.Unhealthy ? 503 : 200;
        return (code, new HealthStatusResponse(report.Status.ToString(), checks));
    }
}

/// <summary>A probe's answer: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>, with each check's outcome for admins.</summary>
[Description("A probe's answer: `Healthy`, `Degraded` or `Unhealthy` (503); `checks` (each check's outcome by check name) only for the admin role.")]
public sealed record HealthStatusResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, HealthCheckOutcome>? Checks);

/// <summary>One check: its status, what it found, and how long it took in milliseconds.</summary>
[Description("One check: its status, what it found, and how long it took in milliseconds.")]
public sealed record HealthCheckOutcome(string Status, string? Description, double DurationMs);
