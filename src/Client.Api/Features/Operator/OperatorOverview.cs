using LabSandbox.Api.Features.Home;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Operator;

/// <summary>A running run and how long its current attempt has run.</summary>
public sealed record SlowRunRow(string RunId, string Kind, int Attempt, string? ClaimedBy, DateTimeOffset StartedAt, TimeSpan Elapsed);

/// <summary>One silo as the run catalog sees it: how many running runs it coordinates.</summary>
public sealed record SiloRunsRow(string Silo, int RunningRuns);

/// <summary>A retry scheduled in the window: which run, which attempt failed, when, and why.</summary>
public sealed record RetryRow(string RunId, string Kind, int FailedAttempt, DateTimeOffset At, string? Error);

/// <summary>What the operator page shows, read at <see cref="ReadAt"/>.</summary>
public sealed record OperatorSnapshot(
    DateTimeOffset ReadAt,
    IReadOnlyList<DeadLetterRow> DeadLetters,
    IReadOnlyList<RetryRow> RetriesLastHour,
    IReadOnlyList<SlowRunRow> SlowestRunning,
    IReadOnlyList<SiloRunsRow> Silos,
    bool Truncated);

/// <summary>
/// Reads the operator page from the run catalog's shards and the runs' own event logs; nothing new is stored. Bounded:
/// at most <see cref="Scan"/> running and queued runs are looked at, so a pile-up costs the page a fixed number of calls
/// (and <see cref="OperatorSnapshot.Truncated"/> says so). Counters over all runs — retries that later succeeded,
/// simulations per second per silo — are metrics (docs/operations.md), not grain state.
/// </summary>
public static class OperatorOverview
{
    public const int Scan = 100;
    public const int DeadLetterCount = 20;
    public const int SlowestCount = 10;
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(1);

    public static async Task<OperatorSnapshot> ReadAsync(IClusterClient cluster, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var dead = RunCatalog.ListAsync(cluster, new RunQuery(null, null, null, DeadLetterCount, DeadLettered: true));
        var running = RunCatalog.ListAsync(cluster, new RunQuery(null, RunStatus.Running, null, Scan));
        var queued = RunCatalog.ListAsync(cluster, new RunQuery(null, RunStatus.Queued, null, Scan));
        var deadPage = await dead;
        var runningPage = await running;
        var queuedPage = await queued;

        var snapshots = await Task.WhenAll(runningPage.Items.Select(e => cluster.GetGrain<IRunGrain>(e.RunId).GetAsync()));
        // A retry leaves the run queued (waiting out its delay), running again, or dead-lettered: those are the logs to read.
        var retried = runningPage.Items.Concat(queuedPage.Items).Concat(deadPage.Items).Where(e => e.Attempt >= 1)
            .DistinctBy(e => e.RunId).ToList();
        var events = await Task.WhenAll(retried.Select(e => ReadRetriesAsync(cluster, e, now - RetryWindow)));

        return new OperatorSnapshot(
            now,
            deadPage.Items.Select(e => new DeadLetterRow(e.RunId, e.Kind, e.CreatedAt, e.Attempt, e.LastError)).ToList(),
            events.SelectMany(r => r).OrderByDescending(r => r.At).ToList(),
            Slowest(snapshots.OfType<RunSnapshot>(), now),
            BySilo(runningPage.Items),
            runningPage.Next is not null || queuedPage.Next is not null);
    }

    /// <summary>The running runs whose current attempt started longest ago.</summary>
    public static IReadOnlyList<SlowRunRow> Slowest(IEnumerable<RunSnapshot> running, DateTimeOffset now) =>
        running.Where(r => r.Status == RunStatus.Running && r.StartedAt is not null)
            .Select(r => new SlowRunRow(r.RunId, r.Spec.Kind, r.Attempt, r.ClaimedBy, r.StartedAt!.Value, now - r.StartedAt.Value))
            .OrderByDescending(r => r.Elapsed).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .Take(SlowestCount)
            .ToList();

    /// <summary>Running runs per coordinating silo (the executor that claimed each), busiest first.</summary>
    public static IReadOnlyList<SiloRunsRow> BySilo(IEnumerable<RunIndexEntry> running) =>
        running.Where(e => e.Status == RunStatus.Running)
            .GroupBy(e => e.ClaimedBy ?? "unclaimed")
            .Select(g => new SiloRunsRow(g.Key, g.Count()))
            .OrderByDescending(s => s.RunningRuns).ThenBy(s => s.Silo, StringComparer.Ordinal)
            .ToList();

    /// <summary>The <c>RUN.RETRY_SCHEDULED</c> events of one run since <paramref name="since"/>, paging through its log.</summary>
    private static async Task<IReadOnlyList<RetryRow>> ReadRetriesAsync(IClusterClient cluster, RunIndexEntry entry, DateTimeOffset since)
    {
        var run = cluster.GetGrain<IRunGrain>(entry.RunId);
        var found = new List<RetryRow>();
        for (long after = 0; ;)
        {
            var page = await run.GetEventsAsync(after, EventPage);
            if (page is null || page.Events.Count == 0)
            {
                return found;
            }

            found.AddRange(Retries(entry, page.Events, since));
            after = page.Events[^1].Sequence;
        }
    }

    private const int EventPage = 1000;

    public static IReadOnlyList<RetryRow> Retries(RunIndexEntry entry, IEnumerable<RunEvent> events, DateTimeOffset since) =>
        events.Where(e => e.Name == RunEventNames.RetryScheduled && e.At >= since)
            .Select(e => new RetryRow(entry.RunId, entry.Kind, e.Attempt, e.At, e.Error))
            .ToList();
}
