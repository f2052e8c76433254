using LabSandbox.Grains.Interfaces.Commands;

namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// One experiment (docs/architecture.md, domain rules: nouns): its config, status and result, and — in grains of their own — its iterations and
/// its event log in pages. The driver run reports through the write methods; every report carries what the
/// search decided, so a resumed search repeating a report changes nothing.
/// </summary>
[Alias("LabSandbox.IExperimentGrain")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Creates the experiment and its driver run; the same config again is an idempotent repeat, another a conflict.</summary>
    [Alias("Create")]
    Task<CommandResult<ExperimentSnapshot>> CreateAsync(string? name, ExperimentConfig config);

    [ReadOnly, Alias("Get")]
    Task<ExperimentSnapshot?> GetAsync();

    /// <summary>Recorded iterations from <paramref name="fromIteration"/> on, at most <paramref name="limit"/>.</summary>
    [ReadOnly, Alias("GetIterations")]
    Task<IReadOnlyList<ExperimentIteration>> GetIterationsAsync(int fromIteration, int limit);

    [ReadOnly, Alias("GetEvents")]
    Task<ExperimentEventPage?> GetEventsAsync(long afterSequence, int limit);

    /// <summary>Every simulation run of the experiment with its iteration, sample index and purpose, by iteration, purpose and sample.</summary>
    [ReadOnly, Alias("GetRuns")]
    Task<IReadOnlyList<ExperimentRunRef>> GetRunsAsync();

    /// <summary>Stops a queued or running experiment (<c>convergenceReason = cancelled</c>) and cancels its runs.</summary>
    [Alias("Cancel")]
    Task<CommandResult<ExperimentSnapshot>> CancelAsync();

    /// <summary>Driver: appends the events whose sequence is new; false when new events come after the experiment ended (stop).</summary>
    [Alias("AppendEvents")]
    Task<bool> AppendEventsAsync(IReadOnlyList<ExperimentEventDraft> events);

    /// <summary>Driver: records a run before it is created, so it is reachable (and cancellable) from the start.</summary>
    [Alias("RegisterRun")]
    Task<bool> RegisterRunAsync(ExperimentRunRef run);

    [Alias("RecordIteration")]
    Task<bool> RecordIterationAsync(ExperimentIteration iteration);

    /// <summary>Driver: the search ended; registers the best entry as a Candidate and succeeds the experiment.</summary>
    [Alias("Complete")]
    Task<bool> CompleteAsync(ExperimentOutcome outcome);
}

/// <summary>One recorded iteration, written once (key <c>{experimentId}/{iteration}</c>).</summary>
[Alias("LabSandbox.IExperimentIterationGrain")]
public interface IExperimentIterationGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task WriteAsync(ExperimentIteration iteration);

    [ReadOnly, Alias("Get")]
    Task<ExperimentIteration?> GetAsync();

    static string KeyOf(string experimentId, int iteration) => $"{experimentId}/{iteration}";
}

/// <summary>A page of an experiment's event log (key <c>{experimentId}/events/{page}</c>): the log grows without rewriting old pages.</summary>
[Alias("LabSandbox.IExperimentEventPageGrain")]
public interface IExperimentEventPageGrain : IGrainWithStringKey
{
    public const int PageSize = 256;

    [Alias("Append")]
    Task AppendAsync(IReadOnlyList<ExperimentEvent> events);

    [ReadOnly, Alias("Get")]
    Task<IReadOnlyList<ExperimentEvent>> GetAsync();

    static string KeyOf(string experimentId, long page) => $"{experimentId}/events/{page}";
}

/// <summary>Every experiment id, in ordinal order.</summary>
[Alias("LabSandbox.IExperimentCatalogGrain")]
public interface IExperimentCatalogGrain : IGrainWithStringKey
{
    public const string Key = "experiments";

    [Alias("Add")]
    Task AddAsync(string experimentId);

    [ReadOnly, Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
