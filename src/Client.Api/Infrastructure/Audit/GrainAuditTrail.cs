using LabSandbox.Grains.Interfaces.Audit;

namespace LabSandbox.Api.Infrastructure.Audit;

/// <summary>The audit trail in grains: each write becomes a row of <see cref="IAuditLogGrain"/>, timed by the injected clock.</summary>
public sealed class GrainAuditTrail(IGrainFactory grains, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        return grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key).AppendAsync(
            new AuditDraft(write.Actor, time.GetUtcNow(), write.Method, write.Route, write.TargetId, write.Status));
    }
}
