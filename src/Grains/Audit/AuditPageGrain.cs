using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Audit;

namespace LabSandbox.Grains.Audit;

[GenerateSerializer]
public sealed class AuditPageState
{
    /// <summary>Append-only, in sequence order without gaps.</summary>
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}

/// <summary>
/// Up to <see cref="IAuditPageGrain.PageSize"/> rows of the audit trail. A row is only ever added at the page's next
/// free sequence; a sequence already held is answered <c>false</c> and never overwritten (see <see cref="AuditLogGrain"/>).
/// </summary>
public sealed class AuditPageGrain(
    [PersistentState("auditPage", LabStorage.Name)] IPersistentState<AuditPageState> state) : Grain, IAuditPageGrain
{
    public async Task<bool> AppendAsync(AuditEntry entry)
    {
        var page = long.Parse(this.GetPrimaryKeyString().AsSpan("audit/".Length), System.Globalization.CultureInfo.InvariantCulture);
        if (IAuditPageGrain.PageOf(entry.Sequence) != page)
        {
            throw new ArgumentException($"Audit row {entry.Sequence} does not belong on page {page}.", nameof(entry));
        }

        var nextFree = (page * IAuditPageGrain.PageSize) + state.State.Entries.Count + 1;
        if (entry.Sequence < nextFree)
        {
            return false;
        }

        if (entry.Sequence > nextFree)
        {
            throw new InvalidOperationException($"Audit page {page} continues at {nextFree}, not {entry.Sequence}: rows never leave gaps.");
        }

        state.State.Entries.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not saved, so not so: memory goes back to what storage holds.
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1);
            throw;
        }

        return true;
    }

    public Task<IReadOnlyList<AuditEntry>> GetAsync() => Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Entries]);
}
