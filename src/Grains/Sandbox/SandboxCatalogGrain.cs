using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Sandbox;

[GenerateSerializer]
public sealed class SandboxCatalogState
{
    [Id(0)] public List<string> SyntheticCalcuttaIds { get; set; } = [];

    [Id(1)] public List<string> CohortIds { get; set; } = [];
}

/// <summary>The Sandbox's ids for listing, in ordinal order; adding an id twice writes nothing.</summary>
public sealed class SandboxCatalogGrain(
    [PersistentState("sandboxCatalog", LabStorage.Name)] IPersistentState<SandboxCatalogState> state) : Grain, ISandboxCatalogGrain
{
    public async Task AddSyntheticCalcuttaAsync(string syntheticCalcuttaId)
    {
        if (InsertOrdered(state.State.SyntheticCalcuttaIds, syntheticCalcuttaId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task AddCohortAsync(string cohortId)
    {
        if (InsertOrdered(state.State.CohortIds, cohortId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Keeps the list in ordinal order (a stored set would come back with a culture comparer); false if present.</summary>
    private static bool InsertOrdered(List<string> ids, string id)
    {
        var index = ids.BinarySearch(id, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        ids.Insert(~index, id);
        return true;
    }

    public Task<SandboxCatalog> GetAsync() =>
        Task.FromResult(new SandboxCatalog(state.State.SyntheticCalcuttaIds.ToList(), state.State.CohortIds.ToList()));
}
