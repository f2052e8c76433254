using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LabSandbox.Silo.Health;

/// <summary>
/// PostgreSQL answers a trivial query within two seconds. Clustering, grain state, reminders and artifacts all live
/// there: a process that cannot reach it cannot serve, whatever else is up.
/// </summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public const string Name = "postgres";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // The message names the failure without the connection string (it may carry a password).
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {Timeout.TotalSeconds:0} s ({ex.GetType().Name})");
        }
    }
}
