namespace LabSandbox.Api.Infrastructure.Audit;

/// <summary>One accepted change to record; the trail stamps its time and sequence.</summary>
/// <param name="Actor">The principal's name (<c>local</c> in local mode).</param>
/// <param name="Method">The HTTP method, or <c>UI</c> for a web UI handler.</param>
/// <param name="Route">The route template (<c>/api/v1/runs/{runId}/cancel</c>, or a page's <c>/runs/{RunId}</c>).</param>
/// <param name="TargetId">What was changed or created, if anything.</param>
/// <param name="Status">The accepted change's status (2xx).</param>
public sealed record AuditWrite(string Actor, string Method, string Route, string? TargetId, int Status);
