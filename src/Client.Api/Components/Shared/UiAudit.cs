using LabSandbox.Api.Infrastructure.Audit;

namespace LabSandbox.Api.Components.Shared;

/// <summary>
/// The audit row of a change made in the UI: method "UI", the page's route template, the target. Written only after
/// the grain accepted the change, like the API's rows (a refused change writes nothing).
/// </summary>
public static class UiAudit
{
    public const string Method = "UI";

    public static Task RecordUiAsync(this IAuditTrail audit, LabUser user, string routeTemplate, string? targetId) =>
        audit.RecordAsync(new AuditWrite(user.Name, Method, routeTemplate, targetId, StatusCodes.Status200OK));
}
