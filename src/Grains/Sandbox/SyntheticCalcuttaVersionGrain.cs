using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Sandbox;

[GenerateSerializer]
public sealed class SyntheticCalcuttaVersionState
{
    [Id(0)] public SyntheticCalcuttaSnapshot? Snapshot { get; set; }
}

/// <summary>A version of a synthetic calcutta as a run pinned it: written once, never changed.</summary>
public sealed class SyntheticCalcuttaVersionGrain(
    [PersistentState("syntheticCalcuttaVersion", LabStorage.Name)] IPersistentState<SyntheticCalcuttaVersionState> state)
    : Grain, ISyntheticCalcuttaVersionGrain
{
    public async Task SaveAsync(SyntheticCalcuttaSnapshot snapshot)
    {
        if (ISyntheticCalcuttaVersionGrain.KeyOf(snapshot.SyntheticCalcuttaId, snapshot.Digest) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Version {snapshot.Digest} of '{snapshot.SyntheticCalcuttaId}' written to '{this.GetPrimaryKeyString()}'.", nameof(snapshot));
        }

        // Equal digests mean equal content (a change undone later): the first copy stands.
        if (state.State.Snapshot is null)
        {
            state.State.Snapshot = snapshot;
            await state.WriteStateAsync();
        }
    }

    public Task<SyntheticCalcuttaSnapshot?> GetAsync() => Task.FromResult(state.State.Snapshot);
}
