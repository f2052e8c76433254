using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

[GenerateSerializer]
public sealed class RunIndexState
{
    [Id(0)] public Dictionary<string, RunIndexEntry> Entries { get; set; } = [];
}

/// <summary>One shard of the run catalog (see <see cref="RunIndex"/>).</summary>
public sealed class RunIndexGrain(
    [PersistentState("runIndex", LabStorage.Name)] IPersistentState<RunIndexState> state) : Grain, IRunIndexGrain
{
    // Derived from the entries (never stored): counted once per activation, then kept in step with each upsert.
    private RunStatusCounts? counts;

    public async Task UpsertAsync(RunIndexEntry entry)
    {
        var had = state.State.Entries.TryGetValue(entry.RunId, out var existing);
        if (had && existing == entry)
        {
            return;
        }

        state.State.Entries[entry.RunId] = entry;
        await state.WriteStateAsync();
        if (counts is not null)
        {
            counts = (had ? Remove(counts, existing!) : counts).Plus(CountOf(entry));
        }
    }

    public Task<RunStatusCounts> CountAsync()
    {
        counts ??= state.State.Entries.Values.Aggregate(RunStatusCounts.Zero, (sum, e) => sum.Plus(CountOf(e)));
        return Task.FromResult(counts);
    }

    private static RunStatusCounts CountOf(RunIndexEntry e) => new(
        e.Status == RunStatus.Queued ? 1 : 0, e.Status == RunStatus.Running ? 1 : 0, e.Status == RunStatus.Succeeded ? 1 : 0,
        e.Status == RunStatus.Failed ? 1 : 0, e.Status == RunStatus.Cancelled ? 1 : 0, e.DeadLettered ? 1 : 0);

    private static RunStatusCounts Remove(RunStatusCounts sum, RunIndexEntry e)
    {
        var one = CountOf(e);
        return new(sum.Queued - one.Queued, sum.Running - one.Running, sum.Succeeded - one.Succeeded,
            sum.Failed - one.Failed, sum.Cancelled - one.Cancelled, sum.DeadLettered - one.DeadLettered);
    }

    public Task<IReadOnlyList<RunIndexEntry>> QueryAsync(RunQuery query)
    {
        IEnumerable<RunIndexEntry> matches = state.State.Entries.Values;
        if (query.Kind is { } kind)
        {
            matches = matches.Where(e => e.Kind == kind);
        }

        if (query.Status is { } status)
        {
            matches = matches.Where(e => e.Status == status);
        }

        if (query.DeadLettered is { } deadLettered)
        {
            matches = matches.Where(e => e.DeadLettered == deadLettered);
        }

        if (query.CreatedFrom is { } from)
        {
            matches = matches.Where(e => e.CreatedAt >= from);
        }

        if (query.CreatedTo is { } to)
        {
            matches = matches.Where(e => e.CreatedAt < to);
        }

        if (query.After is { } cursor)
        {
            matches = matches.Where(e => RunIndex.IsAfter(e, cursor));
        }

        var page = matches.Order(Comparer<RunIndexEntry>.Create(RunIndex.Compare)).Take(Math.Max(query.Limit, 0)).ToList();
        return Task.FromResult<IReadOnlyList<RunIndexEntry>>(page);
    }
}
