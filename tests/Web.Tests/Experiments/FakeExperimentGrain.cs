using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>An experiment grain answering from fixed data; <see cref="Read"/> lets a test hold or fail the reads.</summary>
public sealed class FakeExperimentGrain(ExperimentSnapshot? snapshot) : IExperimentGrain
{
    public Func<Task>? Read { get; init; }

    public IReadOnlyList<ExperimentIteration> Iterations { get; init; } = [];

    public IReadOnlyList<ExperimentEvent> Events { get; init; } = [];

    public CommandResult<ExperimentSnapshot>? CancelResult { get; init; }

    public async Task<ExperimentSnapshot?> GetAsync()
    {
        if (Read is not null)
        {
            await Read();
        }

        return snapshot;
    }

    public Task<IReadOnlyList<ExperimentIteration>> GetIterationsAsync(int fromIteration, int limit) =>
        Task.FromResult<IReadOnlyList<ExperimentIteration>>([.. Iterations.Where(i => i.Iteration >= fromIteration).Take(limit)]);

    public Task<ExperimentEventPage?> GetEventsAsync(long afterSequence, int limit) =>
        Task.FromResult<ExperimentEventPage?>(snapshot is null ? null : new ExperimentEventPage(
            [.. Events.Where(e => e.Sequence > afterSequence).Take(limit)], Events.LastOrDefault()?.Sequence ?? 0,
            snapshot.Status is not (ExperimentStatus.Queued or ExperimentStatus.Running)));

    public Task<IReadOnlyList<ExperimentRunRef>> GetRunsAsync() =>
        Task.FromResult<IReadOnlyList<ExperimentRunRef>>([new ExperimentRunRef("run-exp-1-i0-s0-initial", 0, 0, RunPurposes.Initial)]);

    public Task<CommandResult<ExperimentSnapshot>> CancelAsync() => Task.FromResult(CancelResult!);

    public Task<CommandResult<ExperimentSnapshot>> CreateAsync(string? name, ExperimentConfig config) => throw new NotSupportedException();

    public Task<bool> AppendEventsAsync(IReadOnlyList<ExperimentEventDraft> events) => throw new NotSupportedException();

    public Task<bool> RegisterRunAsync(ExperimentRunRef run) => throw new NotSupportedException();

    public Task<bool> RecordIterationAsync(ExperimentIteration iteration) => throw new NotSupportedException();

    public Task<bool> CompleteAsync(ExperimentOutcome outcome) => throw new NotSupportedException();
}
