using System.Diagnostics;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Result = LabSandbox.Grains.Interfaces.Commands.CommandResult<LabSandbox.Grains.Interfaces.Runs.RunSnapshot>;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// The durable record and state machine of one run. It never executes work itself: it dispatches each
/// attempt to a <see cref="IRunExecutorGrain"/> and accepts reports only from the current attempt.
/// Recovery from lost executors is in <c>RunGrain.Recovery.cs</c>.
/// </summary>
public sealed partial class RunGrain(
    [PersistentState("run", LabStorage.Name)] IPersistentState<RunState> state,
    IOptions<RunRecoveryOptions> recovery,
    TimeProvider time,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private RunState S => state.State;

    private string RunId => this.GetPrimaryKeyString();

    public async Task<Result> CreateAsync(RunSpec spec)
    {
        if (state.RecordExists)
        {
            if (!SameSpec(S.Spec!, spec))
            {
                return Result.Conflict($"Run '{RunId}' already exists with different params.", Snapshot());
            }

            // A repeat of a create that saved the run but failed before dispatching must not leave it
            // queued forever; a second dispatch is harmless because only one claim of an attempt wins.
            if (S.Status == RunStatus.Queued)
            {
                await UpdateIndexAsync();
                await RecordInputUsesAsync();
                await IndexDatasetsAsync();
                await StartRecoveryAsync();
                await DispatchAsync();
            }

            return Result.Accepted(Snapshot());
        }

        S.Spec = spec;
        S.Status = RunStatus.Queued;
        S.CreatedAt = time.GetUtcNow();
        S.CreatedBy = LabActor.Current; // the caller's actor flows in RequestContext; work no request started is "system"
        S.TraceParent = Activity.Current?.Id;
        Append(RunEventNames.Queued, message: $"{spec.Kind} run queued", actor: S.CreatedBy);
        await state.WriteStateAsync();

        // Saved as queued: if what follows fails (a silo dying under the index, reminder or dispatch call), this
        // activation's watchdog still dispatches it, rather than leaving it to a repeated create.
        StartWatchdog();
        LabDiagnostics.RunsCreated.Add(1, new KeyValuePair<string, object?>("kind", spec.Kind));
        await UpdateIndexAsync();
        await RecordInputUsesAsync();
        await IndexDatasetsAsync();
        await StartRecoveryAsync();

        // The first attempt belongs to the creating request's trace (Orleans carries it on the call).
        await DispatchAsync(inRequestTrace: true);
        return Result.Accepted(Snapshot());
    }

    public Task<RunSnapshot?> GetAsync() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public Task<RunEventPage?> GetEventsAsync(long afterSequence, int limit)
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<RunEventPage?>(null);
        }

        var events = S.Events.Where(e => e.Sequence > afterSequence).Take(Math.Clamp(limit, 1, 1000)).ToList();
        return Task.FromResult<RunEventPage?>(new RunEventPage(events, S.Status, S.Events.Count));
    }

    public async Task<Result> CancelAsync()
    {
        if (!state.RecordExists)
        {
            return Result.NotFound($"Run '{RunId}' does not exist.");
        }

        if (S.Status.IsTerminal())
        {
            return Result.Conflict(
                $"Run '{RunId}' is {S.Status.ToString().ToLowerInvariant()}; a finished run is immutable.", Snapshot());
        }

        await FinishAsync(RunStatus.Cancelled, RunEventNames.Cancelled, "cancelled on request", actor: LabActor.Current);
        return Result.Accepted(Snapshot());
    }

    public async Task<bool> TryStartAsync(int attempt, string claimedBy)
    {
        if (!state.RecordExists || S.Status != RunStatus.Queued || attempt != S.Attempt + 1)
        {
            return false;
        }

        S.Status = RunStatus.Running;
        S.Attempt = attempt;
        S.ClaimedBy = claimedBy;
        S.RetryAt = null;
        if (S.StartedAt is null)
        {
            S.StartedAt = time.GetUtcNow();
            LabMetrics.QueueWait.Record((S.StartedAt.Value - S.CreatedAt).TotalSeconds, LabMetrics.Kind(S.Spec!.Kind));
        }

        Append(RunEventNames.Started, message: $"attempt {attempt} on {claimedBy}");
        await state.WriteStateAsync();
        RenewLease();
        await UpdateIndexAsync();
        return true;
    }

    public async Task<bool> ReportProgressAsync(int attempt, string phase, double percent, string message)
    {
        if (!IsCurrent(attempt))
        {
            return false;
        }

        // A NaN or infinite percent from a handler is recorded as unknown: events stay valid JSON.
        Append(RunEventNames.Progress, phase, double.IsFinite(percent) ? Math.Clamp(percent, 0, 100) : null, message);
        await state.WriteStateAsync();
        RenewLease();
        return true;
    }

    public async Task<bool> CompleteAsync(int attempt, IReadOnlyList<ArtifactRef> artifacts)
    {
        if (!IsCurrent(attempt))
        {
            return false;
        }

        if (await FindArtifactProblemAsync(artifacts) is { } problem)
        {
            // INV-4: a run that cannot show its own metrics artifact does not succeed.
            S.LastError = problem;
            await FinishAsync(RunStatus.Failed, RunEventNames.Failed, problem);
            return true;
        }

        S.Artifacts = S.Artifacts.Where(a => a.Kind == ArtifactKinds.Failure).Concat(artifacts) // earlier attempts' failures stay on record
            .OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.ArtifactId, StringComparer.Ordinal).ToList();
        await FinishAsync(RunStatus.Succeeded, RunEventNames.Succeeded, $"{artifacts.Count} artifact(s)");
        return true;
    }

    public async Task<bool> FailAsync(int attempt, RunFailure failure)
    {
        if (!IsCurrent(attempt))
        {
            return false;
        }

        S.LastError = failure.Error;
        if (failure.FailureArtifact is { } artifact && !S.Artifacts.Contains(artifact))
        {
            S.Artifacts.Add(artifact);
        }

        if (failure.Retryable && failure.Transient && S.ClusterFailures < Recovery.MaxClusterFailures)
        {
            // Not the run's fault: retried with backoff, and the attempt does not count toward its limit.
            S.ClusterFailures++;
            S.AttemptBase++;
            var backoff = RunRetryPolicy.DelayAfter(RunId, S.ClusterFailures, Recovery);
            await ScheduleNextAttemptAsync($"attempt {S.Attempt} failed with the cluster (not counted toward the limit)", backoff, failure.Error);
            return true;
        }

        var attemptsUsed = S.Attempt - S.AttemptBase;
        if (failure.Retryable && attemptsUsed < Recovery.MaxAttempts)
        {
            var delay = RunRetryPolicy.DelayAfter(RunId, attemptsUsed, Recovery);
            await ScheduleNextAttemptAsync($"attempt {S.Attempt} failed", delay, failure.Error);
            return true;
        }

        await FinishAsync(RunStatus.Failed, RunEventNames.Failed, failure.Error, deadLetter: failure.Retryable);
        return true;
    }

    public async Task<Result> RequeueAsync()
    {
        if (!state.RecordExists)
        {
            return Result.NotFound($"Run '{RunId}' does not exist.");
        }

        if (!S.DeadLettered)
        {
            return Result.Conflict($"Run '{RunId}' is not dead-lettered; only a dead-lettered run can be requeued.", Snapshot());
        }

        // A deliberate second chance: the attempt count stays, the attempt limit counts from here.
        S.Status = RunStatus.Queued;
        S.DeadLettered = false;
        S.AttemptBase = S.Attempt;
        S.FinishedAt = null;
        S.RetryAt = null;
        Append(RunEventNames.Requeued, message: $"requeued after {S.Attempt} attempt(s); last error: {S.LastError}", actor: LabActor.Current);
        await state.WriteStateAsync();
        await UpdateIndexAsync();
        await StartRecoveryAsync();
        await DispatchAsync();
        return Result.Accepted(Snapshot());
    }

    /// <summary>
    /// The next attempt runs off this grain; the executor reports back through the fenced methods. If no
    /// executor claims it within a lease, the watchdog sends it again. Only the create's own dispatch stays in
    /// the request's trace: any other (watchdog, reminder, retry timer, requeue) starts a trace of its own,
    /// linked to the run's first trace and to whatever asked for it, so each attempt is one bounded trace.
    /// </summary>
    private async Task DispatchAsync(bool inRequestTrace = false)
    {
        _nextDispatchAt = time.GetUtcNow() + Recovery.Lease;
        using var activity = inRequestTrace
            ? LabDiagnostics.ActivitySource.StartActivity(LabTracing.RunDispatch)
            : LabTracing.StartLinkedRoot(LabTracing.RunDispatch, S.TraceParent, Activity.Current?.Id);
        activity?.SetTag(LabTracing.RunIdKey, RunId);
        activity?.SetTag(LabTracing.RunKindKey, S.Spec!.Kind);
        activity?.SetTag(LabTracing.RunAttemptKey, S.Attempt + 1);
        await GrainFactory.GetGrain<IRunExecutorGrain>($"{RunId}:{S.Attempt + 1}").ExecuteAsync(new RunExecution(RunId, S.Attempt + 1, S.Spec!, S.CreatedBy));
    }

    /// <summary>Every reported artifact must exist, belong to this run and have the reported kind; one must be metrics.</summary>
    private async Task<string?> FindArtifactProblemAsync(IReadOnlyList<ArtifactRef> artifacts)
    {
        if (!artifacts.Any(a => a.Kind == ArtifactKinds.Metrics))
        {
            return "The run produced no metrics artifact.";
        }

        foreach (var reported in artifacts)
        {
            var record = await GrainFactory.GetGrain<IArtifactGrain>(reported.ArtifactId).GetAsync();
            if (record is null || record.RunId != RunId || record.Kind != reported.Kind)
            {
                return $"Artifact '{reported.ArtifactId}' ({reported.Kind}) is not a stored artifact of this run.";
            }
        }

        return null;
    }

    private bool IsCurrent(int attempt) => state.RecordExists && S.Status == RunStatus.Running && attempt == S.Attempt;

    private async Task FinishAsync(RunStatus status, string eventName, string message, bool deadLetter = false, string? actor = null)
    {
        S.Status = status;
        S.FinishedAt = time.GetUtcNow();
        S.RetryAt = null;
        Append(eventName, message: message, actor: actor);
        if (deadLetter)
        {
            S.DeadLettered = true;
            Append(RunEventNames.DeadLettered, message: message);
        }

        await state.WriteStateAsync();
        LabDiagnostics.RunsFinished.Add(1,
            new KeyValuePair<string, object?>("kind", S.Spec!.Kind),
            new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
        if (deadLetter)
        {
            LabMetrics.DeadLetters.Add(1, LabMetrics.Kind(S.Spec.Kind));
        }

        await UpdateIndexAsync();
        await StopRecoveryAsync();
    }

    private void Append(
        string name, string? phase = null, double? percent = null, string? message = null, double? delaySeconds = null, string? error = null, string? actor = null)
    {
        var runEvent = new RunEvent(S.Events.Count + 1, name, time.GetUtcNow(), S.Attempt, phase, percent, message, delaySeconds, error, actor);
        S.Events.Add(runEvent);
        using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = RunId, ["RunKind"] = S.Spec!.Kind }))
        {
            LogRunEvent(name, RunId, runEvent.Sequence, S.Attempt, message);
        }
    }

    private RunSnapshot Snapshot() => new(
        RunId, S.Spec!, S.Status, S.DeadLettered, S.Attempt, S.LastError, S.ClaimedBy,
        S.CreatedAt, S.StartedAt, S.FinishedAt, S.Artifacts.ToList(), S.Events.Count, S.CreatedBy);

    private static bool SameSpec(RunSpec a, RunSpec b) =>
        a.Kind == b.Kind && a.ParamsHash == b.ParamsHash && a.Seed == b.Seed && a.EngineVersion == b.EngineVersion
        && a.DatasetRefs.SequenceEqual(b.DatasetRefs) && a.InputArtifactIds.SequenceEqual(b.InputArtifactIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventName} run {RunId} #{Sequence} attempt {Attempt}: {Detail}")]
    private partial void LogRunEvent(string eventName, string runId, long sequence, int attempt, string? detail);
}
