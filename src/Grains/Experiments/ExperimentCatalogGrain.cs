using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Experiments;

[GenerateSerializer]
public sealed class ExperimentCatalogState
{
    [Id(0)] public List<string> ExperimentIds { get; set; } = [];
}

/// <summary>Every experiment id in ordinal order, for listing; adding an id twice writes nothing.</summary>
public sealed class ExperimentCatalogGrain(
    [PersistentState("experimentCatalog", LabStorage.Name)] IPersistentState<ExperimentCatalogState> state) : Grain, IExperimentCatalogGrain
{
    public async Task AddAsync(string experimentId)
    {
        var index = state.State.ExperimentIds.BinarySearch(experimentId, StringComparer.Ordinal);
        if (index < 0)
        {
            state.State.ExperimentIds.Insert(~index, experimentId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.ExperimentIds]);
}
