using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

[GenerateSerializer]
public sealed class RunIdAllocatorState
{
    [Id(0)] public long Issued { get; set; }
}

/// <summary>
/// Issues run ids for one (kind, params hash) key: <c>run-{key}-{n}</c>. Ids come from content and a
/// durable counter, never from a clock or a random GUID, and one key's grain is only as hot as that key.
/// </summary>
public sealed class RunIdAllocatorGrain(
    [PersistentState("runIdAllocator", LabStorage.Name)] IPersistentState<RunIdAllocatorState> state) : Grain, IRunIdAllocatorGrain
{
    public async Task<string> NextRunIdAsync()
    {
        state.State.Issued++;
        await state.WriteStateAsync();
        return RunIds.Allocated(this.GetPrimaryKeyString(), state.State.Issued);
    }
}
