using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

public sealed class DatasetCatalogGrain(
    [PersistentState("datasetCatalog", LabStorage.Name)] IPersistentState<DatasetCatalogState> state) : Grain, IDatasetCatalogGrain
{
    public async Task RegisterAsync(IReadOnlyList<string> tournamentIds, IReadOnlyList<string> calcuttaIds)
    {
        var tournaments = Union(state.State.TournamentIds, tournamentIds);
        var calcuttas = Union(state.State.CalcuttaIds, calcuttaIds);
        if (tournaments.SequenceEqual(state.State.TournamentIds) && calcuttas.SequenceEqual(state.State.CalcuttaIds))
        {
            return;
        }

        state.State.TournamentIds = tournaments;
        state.State.CalcuttaIds = calcuttas;
        await state.WriteStateAsync();
    }

    public Task<DatasetCatalog> GetAsync() =>
        Task.FromResult(new DatasetCatalog(state.State.TournamentIds.ToList(), state.State.CalcuttaIds.ToList()));

    private static List<string> Union(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Union(b).Order(StringComparer.Ordinal).ToList();
}
