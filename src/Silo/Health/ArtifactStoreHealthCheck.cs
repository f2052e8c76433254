using LabSandbox.Grains.Interfaces.Artifacts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabSandbox.Silo.Health;

/// <summary>
/// The artifact store takes a write: a one-byte probe is stored and deleted again within five seconds. A process that
/// cannot write artifacts fails every run at its last step, so it should not take new work.
/// </summary>
public sealed class ArtifactStoreHealthCheck(IArtifactStore store) : IHealthCheck
{
    public const string Name = "artifacts";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        // A fresh id per probe: concurrent probes (API and silos on one store) never delete each other's bytes.
        var probeId = $"health-probe-{Guid.NewGuid():N}";
        try
        {
            var uri = await store.PutAsync(probeId, "probe.bin", new byte[] { 1 }, timeout.Token);
            await store.DeleteAsync(uri, timeout.Token);
            return HealthCheckResult.Healthy("The artifact store takes a write");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a message may name a path or a connection detail.
            return HealthCheckResult.Unhealthy($"The artifact store refused a write within {Timeout.TotalSeconds:0} s ({ex.GetType().Name})");
        }
    }
}
