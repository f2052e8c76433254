using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

[GenerateSerializer]
public sealed class ImportedDatasetState<TSnapshot>
    where TSnapshot : class
{
    [Id(0)] public TSnapshot? Snapshot { get; set; }
}

/// <summary>
/// A grain holding one imported dataset snapshot under its own id. Importing the same digest again
/// writes nothing, so every silo may import at start.
/// </summary>
public abstract class ImportedDatasetGrain<TSnapshot>(IPersistentState<ImportedDatasetState<TSnapshot>> state) : Grain
    where TSnapshot : class
{
    protected abstract string IdOf(TSnapshot snapshot);

    protected abstract string DigestOf(TSnapshot snapshot);

    public async Task<ImportOutcome> ImportAsync(TSnapshot snapshot)
    {
        if (IdOf(snapshot) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Snapshot '{IdOf(snapshot)}' does not belong to grain '{this.GetPrimaryKeyString()}'.");
        }

        var previous = state.State.Snapshot;
        if (previous is not null && DigestOf(previous) == DigestOf(snapshot))
        {
            return ImportOutcome.Unchanged;
        }

        state.State.Snapshot = snapshot;
        await state.WriteStateAsync();
        return previous is null ? ImportOutcome.Created : ImportOutcome.Replaced;
    }

    public Task<TSnapshot?> GetAsync() => Task.FromResult(state.State.Snapshot);
}
