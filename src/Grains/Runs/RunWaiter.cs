using System.Diagnostics;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>Waits for a run an orchestration depends on (polling: the run grain stays the single source of truth).</summary>
public static class RunWaiter
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits for the run to end; returns it when it succeeded.</summary>
    /// <exception cref="RunStepException">It failed, was cancelled, or did not end in time.</exception>
    public static async Task<RunSnapshot> WaitSucceededAsync(IGrainFactory grains, string runId, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        var run = grains.GetGrain<IRunGrain>(runId);
        while (true)
        {
            var snapshot = await run.GetAsync() ?? throw new RunStepException($"Run '{runId}' does not exist.");
            if (snapshot.Status.IsTerminal())
            {
                return snapshot.Status == RunStatus.Succeeded
                    ? snapshot
                    : throw new RunStepException($"{snapshot.Spec.Kind} run '{runId}' {snapshot.Status.ToString().ToLowerInvariant()}: {snapshot.LastError}");
            }

            if (waiting.Elapsed > WaitLimit)
            {
                throw new RunStepException($"Run '{runId}' did not finish within {WaitLimit.TotalMinutes:0} minutes.");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }
}
