using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Audit;

namespace LabSandbox.Grains.Audit;

[GenerateSerializer]
public sealed class AuditLogState
{
    /// <summary>The highest sequence this head has counted (rows may exist beyond it: see <see cref="AuditLogGrain"/>).</summary>
    [Id(0)] public long Count { get; set; }
}

/// <summary>
/// The audit trail's head. An append writes the row on its page first, then the head's count, one append at a time
/// (the grain is not reentrant). A crash between the two leaves a stored row the count does not include: the next
/// append finds its sequence taken on the page (the page never overwrites), keeps that row — it records a change
/// that was accepted — and takes the next sequence. So a crash neither loses a stored row nor stores one twice, and
/// listing reads the pages themselves, so such a row is listed even before the next append counts it.
/// A crash before the page write loses the row of a change that did happen: the log records accepted changes
/// after the fact, not in one transaction with them (docs/security.md#audit-trail).
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("auditLog", LabStorage.Name)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    /// <summary>The most pages one listing reads; a filtered listing that found too few rows in them answers a cursor to go on from.</summary>
    public const int MaxPagesPerList = 16;

    public async Task<AuditEntry> AppendAsync(AuditDraft draft)
    {
        var sequence = state.State.Count + 1;
        while (!await Page(sequence).AppendAsync(draft.WithSequence(sequence)))
        {
            sequence++; // taken by a row whose head write was lost: kept, and counted with this one
        }

        state.State.Count = sequence;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The row is stored; the count is reread from storage by the next activation, which adopts the row as above.
            DeactivateOnIdle();
            throw;
        }

        return draft.WithSequence(sequence);
    }

    public async Task<AuditEntryPage> ListAsync(AuditQuery query)
    {
        var limit = Math.Max(query.Limit, 1);
        var entries = new List<AuditEntry>();
        var next = Math.Clamp(query.After, 0, long.MaxValue - 1) + 1; // any 'after' the API lets through, without overflow
        var lastRead = next - 1;
        for (var pagesRead = 0; pagesRead < MaxPagesPerList; pagesRead++)
        {
            var stored = await Page(next).GetAsync();
            foreach (var entry in stored.Where(e => e.Sequence >= next))
            {
                lastRead = entry.Sequence;
                if (query.Actor is null || string.Equals(entry.Actor, query.Actor, StringComparison.Ordinal))
                {
                    entries.Add(entry);
                    if (entries.Count == limit)
                    {
                        return new AuditEntryPage(entries, entry.Sequence);
                    }
                }
            }

            if (stored.Count < IAuditPageGrain.PageSize)
            {
                return new AuditEntryPage(entries, null); // a page that is not full is the log's last
            }

            next = ((IAuditPageGrain.PageOf(next) + 1) * IAuditPageGrain.PageSize) + 1;
        }

        return new AuditEntryPage(entries, lastRead);
    }

    private IAuditPageGrain Page(long sequence) =>
        GrainFactory.GetGrain<IAuditPageGrain>(IAuditPageGrain.KeyOf(IAuditPageGrain.PageOf(sequence)));
}
