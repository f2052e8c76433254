namespace LabSandbox.Grains.Interfaces.Audit;

/// <summary>
/// The audit trail's head (one grain, key <see cref="Key"/>): it hands out sequence numbers, one append at a time,
/// and stores each row on its <see cref="IAuditPageGrain"/>; the log grows page by page without one huge state.
/// </summary>
[Alias("LabSandbox.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const string Key = "audit";

    /// <summary>Appends one row and answers it with its sequence number.</summary>
    [Alias("Append")]
    Task<AuditEntry> AppendAsync(AuditDraft draft);

    /// <summary>Rows after <see cref="AuditQuery.After"/>, ascending (reads pages only; writes nothing).</summary>
    [ReadOnly, Alias("List")]
    Task<AuditEntryPage> ListAsync(AuditQuery query);
}

/// <summary>
/// Up to <see cref="PageSize"/> rows of the audit trail (key <c>audit/{page}</c>; page p holds sequences
/// p·256+1 to (p+1)·256). Rows are only ever added at the end.
/// </summary>
[Alias("LabSandbox.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithStringKey
{
    public const int PageSize = 256;

    /// <summary>
    /// Stores <paramref name="entry"/> at its sequence when that is the page's next free one and answers true; answers
    /// false, storing nothing, when the page holds that sequence already. Any other sequence is an error.
    /// </summary>
    [Alias("Append")]
    Task<bool> AppendAsync(AuditEntry entry);

    [ReadOnly, Alias("Get")]
    Task<IReadOnlyList<AuditEntry>> GetAsync();

    static long PageOf(long sequence) => (sequence - 1) / PageSize;

    static string KeyOf(long page) => $"audit/{page}";
}
