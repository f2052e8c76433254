using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Lab;

[GenerateSerializer]
public sealed class LabCandidateIndexState
{
    [Id(0)] public List<LabCandidateEntry> Entries { get; set; } = [];
}

/// <summary>
/// The Lab's (pool, config) → candidate mapping. Unique per pool and config: when a pool's data changes its
/// candidate id changes with it, and the newer candidate replaces the older in the mapping (the older grain stays).
/// </summary>
public sealed class LabCandidateIndexGrain(
    [PersistentState("labCandidates", LabStorage.Name)] IPersistentState<LabCandidateIndexState> state) : Grain, ILabCandidateIndexGrain
{
    public async Task<bool> PutAsync(LabCandidateEntry entry)
    {
        var entries = state.State.Entries;
        var index = entries.FindIndex(e => e.CalcuttaId == entry.CalcuttaId && e.ConfigKey == entry.ConfigKey);
        if (index >= 0 && entries[index] == entry)
        {
            return false;
        }

        if (index >= 0)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Add(entry);
        }

        entries.Sort((a, b) => (string.CompareOrdinal(a.ConfigKey, b.ConfigKey), string.CompareOrdinal(a.CalcuttaId, b.CalcuttaId)) switch
        {
            (0, var byPool) => byPool,
            (var byConfig, _) => byConfig,
        });
        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<LabCandidateEntry>> ListAsync() => Task.FromResult<IReadOnlyList<LabCandidateEntry>>(state.State.Entries.ToList());
}
