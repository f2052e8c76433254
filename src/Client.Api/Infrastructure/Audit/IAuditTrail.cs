namespace LabSandbox.Api.Infrastructure.Audit;

/// <summary>
/// Records an accepted change in the audit trail (docs/security.md#audit-trail). The API's writes are recorded by
/// <see cref="AuditMiddleware"/>; a web UI handler calls this itself, after the grain accepted the change, with
/// Method <c>UI</c> and the page's route template.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditWrite write, CancellationToken cancellationToken = default);
}
