using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Experiments;

[GenerateSerializer]
public sealed class ExperimentEventPageState
{
    [Id(0)] public List<ExperimentEvent> Events { get; set; } = [];
}

/// <summary>
/// Up to <see cref="IExperimentEventPageGrain.PageSize"/> events of one experiment, in sequence order. Appends are
/// idempotent by sequence, so an append repeated after a crash (before the experiment counted it) adds nothing.
/// </summary>
public sealed class ExperimentEventPageGrain(
    [PersistentState("experimentEvents", LabStorage.Name)] IPersistentState<ExperimentEventPageState> state) : Grain, IExperimentEventPageGrain
{
    public async Task AppendAsync(IReadOnlyList<ExperimentEvent> events)
    {
        var last = state.State.Events.Count == 0 ? long.MinValue : state.State.Events[^1].Sequence;
        var added = false;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence > last)
            {
                state.State.Events.Add(e);
                last = e.Sequence;
                added = true;
            }
        }

        if (added)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ExperimentEvent>> GetAsync() => Task.FromResult<IReadOnlyList<ExperimentEvent>>([.. state.State.Events]);
}
