using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

public sealed class CalcuttaGrain(
    [PersistentState("calcutta", LabStorage.Name)] IPersistentState<CalcuttaState> state) : Grain, ICalcuttaGrain
{
    public async Task<ImportOutcome> ImportAsync(CalcuttaSnapshot snapshot)
    {
        if (snapshot.CalcuttaId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Snapshot '{snapshot.CalcuttaId}' does not belong to grain '{this.GetPrimaryKeyString()}'.");
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

    public Task<CalcuttaSnapshot?> GetAsync() => Task.FromResult(state.State.Snapshot);
}
