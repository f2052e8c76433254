namespace LabSandbox.Api.Infrastructure.Audit;

// STAND-IN (wp-ui): the agreed audit contract, so the UI's write handlers compile before helper C's branch is merged.
// Lead: keep helper C's file and drop this one at merge.

/// <summary>Records one accepted change (agreed contract between the security helpers).</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditWrite write, CancellationToken cancellationToken = default);
}
