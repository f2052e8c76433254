using System.Diagnostics;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Executes one attempt of one run. Placed at random so attempts spread over the cluster; the run
/// grain stays responsive because the work happens here, not in its turns. While it works it renews the
/// attempt's lease; when its silo shuts down it stops and releases the attempt so another silo resumes it.
/// </summary>
[RandomPlacement]
public sealed partial class RunExecutorGrain(
    IEnumerable<IRunHandler> handlers,
    IArtifactStore store,
    IHostApplicationLifetime host,
    IOptions<RunRecoveryOptions> recovery,
    TimeProvider time,
    ILogger<RunExecutorGrain> logger) : Grain, IRunExecutorGrain
{
    public async Task ExecuteAsync(RunExecution execution)
    {
        var run = GrainFactory.GetGrain<IRunGrain>(execution.RunId);
        try
        {
            // A silo on its way out claims nothing: the run's watchdog dispatches the attempt again.
            if (host.ApplicationStopping.IsCancellationRequested || !await run.TryStartAsync(execution.Attempt, RuntimeIdentity))
            {
                return;
            }

            await ExecuteClaimedAsync(run, execution);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private async Task ExecuteClaimedAsync(IRunGrain run, RunExecution execution)
    {
        var (runId, attempt, spec, actor) = execution;

        // The runs this attempt creates are the run creator's doing, whichever request, timer or reminder dispatched it.
        using var actorScope = actor is { Length: > 0 } ? LabActor.Use(actor) : null;
        using var activity = LabTracing.StartRunSpan(LabTracing.RunExecute, runId, spec.Kind);
        activity?.SetTag(LabTracing.RunAttemptKey, attempt);
        activity?.SetTag(LabTracing.SiloKey, RuntimeIdentity);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["RunKind"] = spec.Kind });
        var started = Stopwatch.GetTimestamp();
        using var leaseLost = new CancellationTokenSource();
        using var finished = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(leaseLost.Token, host.ApplicationStopping);
        var leaseKeeper = KeepLeaseAsync(run, attempt, leaseLost, finished.Token);
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == spec.Kind)
                ?? throw new NonRetryableRunException($"No handler executes runs of kind '{spec.Kind}'.");
            var context = new RunExecutionContext(runId, attempt, spec, GrainFactory,
                (phase, percent, message) => run.ReportProgressAsync(attempt, phase, percent, message));
            var output = await handler.ExecuteAsync(context, stop.Token);
            if (!await IsCurrentAsync(run, attempt))
            {
                return; // cancelled (or superseded) while computing: write no artifacts for it
            }

            var writer = new ArtifactWriter(GrainFactory, store, time);
            var refs = new List<ArtifactRef>();
            foreach (var draft in output.Artifacts)
            {
                refs.Add(await writer.WriteAsync(runId, draft, CancellationToken.None));
            }

            bool completed;
            using (LabTracing.StartRunSpan(LabTracing.RunComplete, runId, spec.Kind))
            {
                completed = await run.CompleteAsync(attempt, refs);
            }

            if (completed && output.AfterSuccess is { } afterSuccess)
            {
                await RunAfterSuccessAsync(afterSuccess, runId);
            }
        }
        catch (Exception ex)
        {
            if (!await IsCurrentAsync(run, attempt))
            {
                // The run was cancelled (or superseded) while this attempt worked: whatever that made the work throw
                // (a cancelled token, or an orchestration's cancelled child run), it is not a failure of the attempt.
                LogAttemptStopped(runId, attempt);
                return;
            }

            if (ex is OperationCanceledException && host.ApplicationStopping.IsCancellationRequested)
            {
                LogAttemptReleased(runId, attempt);
                await run.ReleaseAsync(attempt, $"silo {RuntimeIdentity} is shutting down");
                return;
            }

            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogAttemptFailed(ex, runId, attempt);
            var failureArtifact = await TryWriteFailureAsync(run, execution, ex);
            await run.FailAsync(attempt, new RunFailure($"{ex.GetType().Name}: {ex.Message}", ex is not NonRetryableRunException, failureArtifact,
                Transient: IsClusterFailure(ex)));
        }
        finally
        {
            await finished.CancelAsync();
            await leaseKeeper;
            LabDiagnostics.RunExecutionSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("kind", spec.Kind));
        }
    }

    /// <summary>The attempt's <c>failure</c> artifact; null when even that cannot be written (the failure is still reported).</summary>
    private async Task<ArtifactRef?> TryWriteFailureAsync(IRunGrain run, RunExecution execution, Exception exception)
    {
        try
        {
            var events = await run.GetEventsAsync(0, 1000);
            var draft = FailureSnapshot.Draft(execution, exception, events?.Events ?? []);
            return await new ArtifactWriter(GrainFactory, store, time).WriteAsync(execution.RunId, draft, CancellationToken.None, idKey: $"failure-{execution.Attempt}");
        }
        catch (Exception ex)
        {
            LogFailureNotWritten(ex, execution.RunId, execution.Attempt);
            return null;
        }
    }

    /// <summary>Renews the attempt's lease until <paramref name="finished"/>; cancels <paramref name="leaseLost"/> once the run refuses it.</summary>
    private async Task KeepLeaseAsync(IRunGrain run, int attempt, CancellationTokenSource leaseLost, CancellationToken finished)
    {
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(recovery.Value.RenewEvery, finished);
                if (!await run.RenewLeaseAsync(attempt))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (Exception) when (!finished.IsCancellationRequested)
            {
                // A missed renewal is retried on the next tick; the lease is three renewals long.
            }
            catch (Exception) when (finished.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The run has succeeded already: a failing follow-up is logged, never turned into a run failure.</summary>
    private async Task RunAfterSuccessAsync(Func<Task> afterSuccess, string runId)
    {
        try
        {
            await afterSuccess();
        }
        catch (Exception ex)
        {
            LogAfterSuccessFailed(ex, runId);
        }
    }

    /// <summary>
    /// The cluster, not the run, failed: a silo unreachable until membership declares it dead, or the database
    /// (a run itself never talks to it; only grain storage, reminders and membership do).
    /// </summary>
    private static bool IsClusterFailure(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or System.Data.Common.DbException
        || (ex.InnerException is { } inner && IsClusterFailure(inner));

    private static async Task<bool> IsCurrentAsync(IRunGrain run, int attempt) =>
        await run.GetAsync() is { Status: RunStatus.Running } current && current.Attempt == attempt;

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} attempt {Attempt} stopped: the run is no longer this attempt's")]
    private partial void LogAttemptStopped(string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} attempt {Attempt} released: its silo is shutting down")]
    private partial void LogAttemptReleased(string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} succeeded but its follow-up failed; repeating the request that made it repairs it")]
    private partial void LogAfterSuccessFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} attempt {Attempt}: its failure artifact could not be written")]
    private partial void LogFailureNotWritten(Exception exception, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} attempt {Attempt} failed")]
    private partial void LogAttemptFailed(Exception exception, string runId, int attempt);
}
