using LabSandbox.Grains.Interfaces.Audit;

namespace LabSandbox.Api.Features.Audit;

/// <summary>
/// Audit rows in ascending sequence; <paramref name="NextCursor"/> (a sequence, for <c>after</c>) while more may follow.
/// </summary>
public sealed record AuditListResponse(IReadOnlyList<AuditEntry> Items, long? NextCursor);
