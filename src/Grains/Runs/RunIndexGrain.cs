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
    public async Task UpsertAsync(RunIndexEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.RunId, out var existing) && existing == entry)
        {
            return;
        }

        state.State.Entries[entry.RunId] = entry;
        await state.WriteStateAsync();
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
