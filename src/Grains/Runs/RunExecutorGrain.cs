using System.Diagnostics;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Executes one attempt of one run. Placed at random so attempts spread over the cluster; the run
/// grain stays responsive because the work happens here, not in its turns.
/// </summary>
[RandomPlacement]
public sealed partial class RunExecutorGrain(
    IEnumerable<IRunHandler> handlers,
    IArtifactStore store,
    TimeProvider time,
    ILogger<RunExecutorGrain> logger) : Grain, IRunExecutorGrain
{
    public async Task ExecuteAsync(RunExecution execution)
    {
        var run = GrainFactory.GetGrain<IRunGrain>(execution.RunId);
        try
        {
            if (!await run.TryStartAsync(execution.Attempt, RuntimeIdentity))
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
        var (runId, attempt, spec) = execution;
        using var activity = LabDiagnostics.ActivitySource.StartActivity("run.execute");
        activity?.SetTag("labsandbox.run.id", runId);
        activity?.SetTag("labsandbox.run.kind", spec.Kind);
        activity?.SetTag("labsandbox.run.attempt", attempt);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["RunKind"] = spec.Kind });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == spec.Kind)
                ?? throw new NonRetryableRunException($"No handler executes runs of kind '{spec.Kind}'.");
            var context = new RunExecutionContext(runId, attempt, spec, GrainFactory,
                (phase, percent, message) => run.ReportProgressAsync(attempt, phase, percent, message));
            var output = await handler.ExecuteAsync(context, CancellationToken.None);
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

            await run.CompleteAsync(attempt, refs);
        }
        catch (Exception ex)
        {
            if (ex is OperationCanceledException && !await IsCurrentAsync(run, attempt))
            {
                // The run was cancelled (or superseded) while this attempt worked: not a failure of the attempt.
                LogAttemptStopped(runId, attempt);
                return;
            }

            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogAttemptFailed(ex, runId, attempt);
            await run.FailAsync(attempt, $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            LabDiagnostics.RunExecutionSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("kind", spec.Kind));
        }
    }

    private static async Task<bool> IsCurrentAsync(IRunGrain run, int attempt) =>
        await run.GetAsync() is { Status: RunStatus.Running } current && current.Attempt == attempt;

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} attempt {Attempt} stopped: the run is no longer this attempt's")]
    private partial void LogAttemptStopped(string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} attempt {Attempt} failed")]
    private partial void LogAttemptFailed(Exception exception, string runId, int attempt);
}
