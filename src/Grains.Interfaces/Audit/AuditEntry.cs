namespace LabSandbox.Grains.Interfaces.Audit;

/// <summary>
/// One row of the audit trail: an accepted change, who made it and when. Rows are appended, never rewritten.
/// </summary>
/// <param name="Sequence">1 for the first row, +1 per row, no gaps.</param>
/// <param name="Actor">The key name (<c>local</c> in local mode, <c>system</c> for work no request started).</param>
/// <param name="Method">The HTTP method, or <c>UI</c> for a change made from a page of the web UI.</param>
/// <param name="Route">The route template (e.g. <c>/api/v1/runs/{runId}/cancel</c>, or a page's <c>/runs/{RunId}</c>), never the raw path.</param>
/// <param name="TargetId">What the change was made to (see docs/security.md#audit-trail for the rule), if anything.</param>
/// <param name="Status">The HTTP status of the accepted change (always 2xx: rejected requests are not recorded).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Method,
    [property: Id(4)] string Route,
    [property: Id(5)] string? TargetId,
    [property: Id(6)] int Status);

/// <summary>A row to append: everything but its sequence, which the log assigns.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.AuditDraft")]
public sealed record AuditDraft(
    [property: Id(0)] string Actor,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Method,
    [property: Id(3)] string Route,
    [property: Id(4)] string? TargetId,
    [property: Id(5)] int Status)
{
    public AuditEntry WithSequence(long sequence) => new(sequence, Actor, At, Method, Route, TargetId, Status);
}

/// <summary>A listing query: rows with a sequence above <see cref="After"/>, at most <see cref="Limit"/>, of one actor if given.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] long After,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Actor = null);

/// <summary>
/// Rows in ascending sequence. <see cref="Next"/> is the cursor of the next page (pass it as the next query's
/// <see cref="AuditQuery.After"/>), or null when the log has nothing after what was read.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.AuditEntryPage")]
public sealed record AuditEntryPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Entries,
    [property: Id(1)] long? Next);
