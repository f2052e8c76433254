using System.Collections.Concurrent;
using LabSandbox.Api.Infrastructure.Audit;

namespace LabSandbox.Web.Tests.Security;

/// <summary>Test-only audit trail: keeps what the pages record, so a test can check it (the lab's own trail is helper C's).</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    public ConcurrentQueue<AuditWrite> Writes { get; } = new();

    public Task RecordAsync(AuditWrite write, CancellationToken cancellationToken = default)
    {
        Writes.Enqueue(write);
        return Task.CompletedTask;
    }
}
