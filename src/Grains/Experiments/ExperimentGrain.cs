using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.Extensions.Logging;
using LabSandbox.Grains.Runs.Experiment;
using Result = LabSandbox.Grains.Interfaces.Commands.CommandResult<LabSandbox.Grains.Interfaces.Experiments.ExperimentSnapshot>;

namespace LabSandbox.Grains.Experiments;

/// <summary>
/// One experiment's record. The search runs in its driver run (durable, leased, resumable) and reports here;
/// since the search is deterministic, a resumed driver reports the same things again, and every write method
/// ignores what it already has (events by sequence, runs by id, iterations by number). Iterations and event
/// pages live in grains of their own, so this state stays small however long the search runs.
/// </summary>
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", LabStorage.Name)] IPersistentState<ExperimentState> state,
    TimeProvider time,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain
{
    /// <summary>The event log's hard cap; the config limits keep every valid experiment below it.</summary>
    public const long MaxEvents = 50_000;

    private string ExperimentId => this.GetPrimaryKeyString();

    public async Task<Result> CreateAsync(string? name, ExperimentConfig config)
    {
        var digest = ExperimentRuns.ConfigDigest(config);
        if (state.State.Experiment is { } existing)
        {
            if (existing.ConfigDigest != digest || existing.Name != name)
            {
                return Result.Conflict($"Experiment '{ExperimentId}' already exists with another config.", existing);
            }
        }
        else
        {
            state.State.Experiment = new ExperimentSnapshot(
                ExperimentId, name, config, digest, ExperimentStatus.Queued, ExperimentRuns.DriverRunId(ExperimentId), 0, false, null,
                config.InitialBids, null, 0, time.GetUtcNow(), null, null, LabActor.Current);
            await state.WriteStateAsync();
        }

        // Also on a repeat: a create that saved the experiment but failed before this point is completed by repeating it.
        await GrainFactory.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).AddAsync(ExperimentId);
        var driver = await GrainFactory.GetGrain<IRunGrain>(ExperimentRuns.DriverRunId(ExperimentId)).CreateAsync(ExperimentRuns.DriverSpec(ExperimentId, config));
        return driver.Outcome == CommandOutcome.Accepted
            ? Result.Accepted(state.State.Experiment!)
            : Result.Conflict(driver.Reason!, state.State.Experiment);
    }

    /// <summary>The record, with a failed or externally cancelled driver shown as such (derived here, never written by a read).</summary>
    public async Task<ExperimentSnapshot?> GetAsync()
    {
        if (state.State.Experiment is not { } experiment || IsTerminal(experiment.Status))
        {
            return state.State.Experiment;
        }

        var driver = await GrainFactory.GetGrain<IRunGrain>(experiment.DriverRunId).GetAsync();
        return driver?.Status switch
        {
            RunStatus.Failed => experiment with { Status = ExperimentStatus.Failed, Error = driver.LastError, CompletedAt = driver.FinishedAt },
            RunStatus.Cancelled => experiment with
            {
                Status = ExperimentStatus.Cancelled, ConvergenceReason = ConvergenceReasons.Cancelled, CompletedAt = driver.FinishedAt,
            },
            _ => experiment,
        };
    }

    public async Task<IReadOnlyList<ExperimentIteration>> GetIterationsAsync(int fromIteration, int limit)
    {
        var iterations = new List<ExperimentIteration>();
        for (var i = Math.Max(0, fromIteration); i <= state.State.LastIteration && iterations.Count < limit; i++)
        {
            if (await GrainFactory.GetGrain<IExperimentIterationGrain>(IExperimentIterationGrain.KeyOf(ExperimentId, i)).GetAsync() is { } iteration)
            {
                iterations.Add(iteration);
            }
        }

        return iterations;
    }

    public async Task<ExperimentEventPage?> GetEventsAsync(long afterSequence, int limit)
    {
        if (state.State.Experiment is not { } experiment)
        {
            return null;
        }

        var count = experiment.EventCount;
        var events = new List<ExperimentEvent>();
        var next = Math.Max(0, afterSequence) + 1;
        while (next <= count && events.Count < limit)
        {
            var page = (next - 1) / IExperimentEventPageGrain.PageSize;
            var stored = await GrainFactory.GetGrain<IExperimentEventPageGrain>(IExperimentEventPageGrain.KeyOf(ExperimentId, page)).GetAsync();
            events.AddRange(stored.Where(e => e.Sequence >= next && e.Sequence <= count).Take(limit - events.Count));
            next = ((page + 1) * IExperimentEventPageGrain.PageSize) + 1;
        }

        var snapshot = await GetAsync();
        var last = events.Count > 0 ? events[^1].Sequence : Math.Min(Math.Max(0, afterSequence), count);
        return new ExperimentEventPage(events, last, IsTerminal(snapshot!.Status) && last >= count);
    }

    /// <summary>In the search's order — iteration, then purpose (initial, evaluation, bootstrap, best, final), then sample — whatever order parallel samples registered in.</summary>
    public Task<IReadOnlyList<ExperimentRunRef>> GetRunsAsync() => Task.FromResult<IReadOnlyList<ExperimentRunRef>>(
        [.. state.State.Runs.OrderBy(r => r.Iteration).ThenBy(r => Array.IndexOf(PurposeOrder, r.RunPurpose)).ThenBy(r => r.SampleIndex)]);

    private static readonly string[] PurposeOrder = [RunPurposes.Initial, RunPurposes.Evaluation, RunPurposes.Bootstrap, RunPurposes.Best, RunPurposes.Final];

    public async Task<Result> CancelAsync()
    {
        if (await GetAsync() is not { } current)
        {
            return Result.NotFound($"Experiment '{ExperimentId}' does not exist.");
        }

        // Decided on the stored status: an experiment whose driver run was cancelled on its own is still cancelled
        // here (recorded, and its remaining runs stopped); one whose driver failed has ended.
        if (!IsWritable() || current.Status == ExperimentStatus.Failed)
        {
            return Result.Conflict(
                $"Experiment '{ExperimentId}' is {current.Status.ToString().ToLowerInvariant()}; a finished experiment cannot be cancelled.", current);
        }

        var experiment = state.State.Experiment!;
        var end = new ExperimentEventDraft(experiment.EventCount + 1, ExperimentEventTypes.ExperimentEnd, null,
            CanonicalJson.Serialize(new { reason = ConvergenceReasons.Cancelled, converged = false, numIterations = experiment.NumIterations }));
        await StoreEventsAsync([end]);
        state.State.Experiment = state.State.Experiment! with
        {
            Status = ExperimentStatus.Cancelled, ConvergenceReason = ConvergenceReasons.Cancelled, Converged = false, CompletedAt = time.GetUtcNow(),
        };
        await state.WriteStateAsync();

        // The record is final first; then the work stops (a run already finished is left as it is).
        foreach (var runId in state.State.Runs.Select(r => r.RunId).Prepend(experiment.DriverRunId))
        {
            await GrainFactory.GetGrain<IRunGrain>(runId).CancelAsync();
        }

        return Result.Accepted(state.State.Experiment!);
    }

    public async Task<bool> AppendEventsAsync(IReadOnlyList<ExperimentEventDraft> events)
    {
        var fresh = events.Where(e => e.Sequence > (state.State.Experiment?.EventCount ?? 0)).OrderBy(e => e.Sequence).ToList();
        if (fresh.Count == 0 && state.State.Experiment is not null)
        {
            return true; // a repeat (a resumed driver) of what is stored
        }

        if (!IsWritable())
        {
            return false;
        }

        await StoreEventsAsync(fresh);
        if (state.State.Experiment!.Status == ExperimentStatus.Queued)
        {
            state.State.Experiment = state.State.Experiment with { Status = ExperimentStatus.Running };
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> RegisterRunAsync(ExperimentRunRef run)
    {
        if (state.State.Runs.Any(r => r.RunId == run.RunId))
        {
            return true;
        }

        if (!IsWritable())
        {
            return false;
        }

        state.State.Runs.Add(run);
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> RecordIterationAsync(ExperimentIteration iteration)
    {
        if (iteration.Iteration <= state.State.LastIteration)
        {
            return true;
        }

        if (!IsWritable())
        {
            return false;
        }

        if (iteration.Iteration != state.State.LastIteration + 1)
        {
            throw new InvalidOperationException($"Experiment '{ExperimentId}' expects iteration {state.State.LastIteration + 1}, not {iteration.Iteration}.");
        }

        await GrainFactory.GetGrain<IExperimentIterationGrain>(IExperimentIterationGrain.KeyOf(ExperimentId, iteration.Iteration)).WriteAsync(iteration);
        state.State.LastIteration = iteration.Iteration;
        state.State.Experiment = state.State.Experiment! with { NumIterations = iteration.Iteration, IncumbentBids = iteration.IncumbentAfter };
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> CompleteAsync(ExperimentOutcome outcome)
    {
        if (state.State.Experiment is { Status: ExperimentStatus.Succeeded })
        {
            return true;
        }

        if (!IsWritable())
        {
            return false;
        }

        var written = await GrainFactory.GetGrain<ICandidateGrain>(outcome.Candidate.CandidateId).CreateAsync(outcome.Candidate);
        if (written == CandidateWriteOutcome.Conflict)
        {
            LogCandidateConflict(ExperimentId, outcome.Candidate.CandidateId);
        }

        state.State.Experiment = state.State.Experiment! with
        {
            Status = ExperimentStatus.Succeeded, ConvergenceReason = outcome.ConvergenceReason, Converged = outcome.Converged,
            Result = outcome.Result, CompletedAt = time.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return true;
    }

    /// <summary>Stores events on their pages (idempotent there), then counts them; the caller writes the state.</summary>
    private async Task StoreEventsAsync(IReadOnlyList<ExperimentEventDraft> drafts)
    {
        var experiment = state.State.Experiment!;
        if (drafts[0].Sequence != experiment.EventCount + 1 || drafts.Select((d, i) => d.Sequence - i).Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"Experiment '{ExperimentId}' has {experiment.EventCount} events; events must continue at {experiment.EventCount + 1} without gaps.");
        }

        if (drafts[^1].Sequence > MaxEvents)
        {
            throw new InvalidOperationException($"Experiment '{ExperimentId}' reached its event log cap of {MaxEvents:N0}.");
        }

        var at = time.GetUtcNow();
        foreach (var page in drafts.GroupBy(d => (d.Sequence - 1) / IExperimentEventPageGrain.PageSize))
        {
            await GrainFactory.GetGrain<IExperimentEventPageGrain>(IExperimentEventPageGrain.KeyOf(ExperimentId, page.Key))
                .AppendAsync([.. page.Select(d => new ExperimentEvent(d.Sequence, d.Type, d.Iteration, at, d.DataJson))]);
        }

        state.State.Experiment = experiment with { EventCount = drafts[^1].Sequence };
    }

    private bool IsWritable() => state.State.Experiment is { } e && !IsTerminal(e.Status);

    private static bool IsTerminal(ExperimentStatus status) =>
        status is ExperimentStatus.Succeeded or ExperimentStatus.Failed or ExperimentStatus.Cancelled;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: candidate {CandidateId} exists with other provenance; kept as it was")]
    private partial void LogCandidateConflict(string experimentId, string candidateId);
}
