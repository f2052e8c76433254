using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace LabSandbox.Silo.Health;

/// <summary>
/// Ready only while this silo is Active in its own view of membership: before that it cannot host grains, and once
/// it is shutting down it should get no new work (Kubernetes then takes the pod out of the Service's endpoints).
/// </summary>
public sealed class SiloActiveHealthCheck(ILocalSiloDetails local, IClusterMembershipService membership) : IHealthCheck
{
    public const string Name = "silo";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        var description = $"{local.Name} ({local.SiloAddress}) is {status} in membership";
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Unhealthy(description));
    }
}
