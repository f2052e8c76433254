using System.Diagnostics;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>Waits for a run an orchestration depends on (polling: the run grain stays the single source of truth).</summary>
public static class RunWaiter
{
    /// <summary>The default bound, for callers that must give up on their own (an experiment's sample, the backtest).</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SlowestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits at most <see cref="DefaultLimit"/> for the run to end; returns it when it succeeded.</summary>
    /// <exception cref="RunStepException">It failed, was cancelled, or did not end in time.</exception>
    public static Task<RunSnapshot> WaitSucceededAsync(IGrainFactory grains, string runId, CancellationToken cancellationToken) =>
        WaitSucceededAsync(grains, runId, DefaultLimit, cancellationToken);

    /// <summary>
    /// Waits for the run to end; returns it when it succeeded. <paramref name="limit"/> may be
    /// <see cref="Timeout.InfiniteTimeSpan"/>: a run always ends (succeeded, failed, dead-lettered or cancelled),
    /// so a durable driver waits as long as its children take and stops only with its own token.
    /// </summary>
    /// <exception cref="RunStepException">It failed, was cancelled, or did not end in time.</exception>
    public static async Task<RunSnapshot> WaitSucceededAsync(IGrainFactory grains, string runId, TimeSpan limit, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        var poll = FirstPoll;
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

            if (limit != Timeout.InfiniteTimeSpan && waiting.Elapsed > limit)
            {
                throw new RunStepException($"Run '{runId}' did not finish within {limit.TotalMinutes:0} minutes.");
            }

            // Short runs are seen at once; a long one is not polled 50 times a second for its whole life.
            await Task.Delay(poll, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, SlowestPoll.Ticks));
        }
    }
}
