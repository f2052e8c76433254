using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

public sealed class TournamentGrain(
    [PersistentState("tournament", LabStorage.Name)] IPersistentState<TournamentState> state) : Grain, ITournamentGrain
{
    public async Task<ImportOutcome> ImportAsync(TournamentSnapshot snapshot)
    {
        if (snapshot.TournamentId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Snapshot '{snapshot.TournamentId}' does not belong to grain '{this.GetPrimaryKeyString()}'.");
        }

        var previous = state.State.Snapshot;
        if (previous?.Digest == snapshot.Digest)
        {
            return ImportOutcome.Unchanged;
        }

        state.State.Snapshot = snapshot;
        await state.WriteStateAsync();
        return previous is null ? ImportOutcome.Created : ImportOutcome.Replaced;
    }

    public Task<TournamentSnapshot?> GetAsync() => Task.FromResult(state.State.Snapshot);
}
