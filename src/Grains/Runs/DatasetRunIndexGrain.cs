using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

[GenerateSerializer]
public sealed class DatasetRunIndexState
{
    [Id(0)] public Dictionary<string, DatasetRunEntry> Entries { get; set; } = [];
}

/// <summary>The runs that pinned one dataset version (see <see cref="IDatasetRunIndexGrain"/>).</summary>
public sealed class DatasetRunIndexGrain(
    [PersistentState("datasetRuns", LabStorage.Name)] IPersistentState<DatasetRunIndexState> state) : Grain, IDatasetRunIndexGrain
{
    public async Task AddAsync(DatasetRunEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.RunId, out var existing) && existing == entry)
        {
            return;
        }

        state.State.Entries[entry.RunId] = entry;
        await state.WriteStateAsync();
    }

    public Task<DatasetRunPage> QueryAsync(DatasetRunQuery query)
    {
        var matches = state.State.Entries.Values.Where(e => query.Kind is null || e.Kind == query.Kind).ToList();
        IEnumerable<DatasetRunEntry> page = matches;
        if (query.After is { } cursor)
        {
            page = page.Where(e => IsAfter(e, cursor));
        }

        // The run catalog's order: newest first, ties by run id descending.
        var items = page
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.RunId, StringComparer.Ordinal)
            .Take(Math.Max(query.Limit, 0))
            .ToList();
        return Task.FromResult(new DatasetRunPage(items, matches.Count));
    }

    private static bool IsAfter(DatasetRunEntry entry, RunCursor cursor)
    {
        var byTime = cursor.CreatedAt.CompareTo(entry.CreatedAt);
        return byTime != 0 ? byTime > 0 : string.CompareOrdinal(cursor.RunId, entry.RunId) > 0;
    }
}
