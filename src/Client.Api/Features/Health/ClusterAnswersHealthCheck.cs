using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabSandbox.Api.Features.Health;

/// <summary>
/// The cluster answers a grain call within two seconds: true once the client is connected to a gateway (client mode)
/// or the embedded silo is active, and while a silo can still activate the catalog grain.
/// </summary>
public sealed class ClusterAnswersHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public const string Name = "cluster";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()
                .WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"The cluster answers ({catalog.TournamentIds.Count} tournaments, {catalog.CalcuttaIds.Count} pools)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer within {Timeout.TotalSeconds:0} s ({ex.GetType().Name})");
        }
    }
}
