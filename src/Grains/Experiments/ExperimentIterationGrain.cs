using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Experiments;

[GenerateSerializer]
public sealed class ExperimentIterationState
{
    [Id(0)] public ExperimentIteration? Iteration { get; set; }
}

/// <summary>One iteration's record, written once; a resumed search writing it again changes nothing.</summary>
public sealed class ExperimentIterationGrain(
    [PersistentState("experimentIteration", LabStorage.Name)] IPersistentState<ExperimentIterationState> state) : Grain, IExperimentIterationGrain
{
    public async Task WriteAsync(ExperimentIteration iteration)
    {
        if (state.State.Iteration is not null)
        {
            return;
        }

        state.State.Iteration = iteration;
        await state.WriteStateAsync();
    }

    public Task<ExperimentIteration?> GetAsync() => Task.FromResult(state.State.Iteration);
}
