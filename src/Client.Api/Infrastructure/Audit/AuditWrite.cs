namespace LabSandbox.Api.Infrastructure.Audit;

// STAND-IN (wp-ui): the agreed audit contract, so the UI's write handlers compile before helper C's branch is merged.
// Lead: keep helper C's file and drop this one at merge.

/// <summary>One accepted write: who, how (HTTP method or "UI"), which route template, which target, with what status.</summary>
public sealed record AuditWrite(string Actor, string Method, string Route, string? TargetId, int Status);
