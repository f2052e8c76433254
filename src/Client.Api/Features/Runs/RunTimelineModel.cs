using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>What an item of a run's timeline is, which decides its icon and colour.</summary>
public enum TimelineKind
{
    Queued,
    Started,
    Progress,
    Retry,
    Succeeded,
    Failed,
    Cancelled,
    DeadLettered,
    Requeued,
    Other,
}

/// <summary>
/// One item of the timeline. Consecutive progress events of one attempt and phase are one item (a simulation reports
/// every half second, so a long run has thousands): it keeps the first and last percent and how many events it holds.
/// </summary>
public sealed record TimelineEntry(
    TimelineKind Kind,
    string Title,
    DateTimeOffset At,
    DateTimeOffset? Until,
    int Attempt,
    long FirstSequence,
    long LastSequence,
    string? Message,
    string? Error,
    double? DelaySeconds,
    double? FromPercent,
    double? ToPercent,
    int EventCount);

public static class RunTimelineModel
{
    public static IReadOnlyList<TimelineEntry> Build(IEnumerable<RunEvent> events)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            var kind = KindOf(e.Name);
            if (kind == TimelineKind.Progress && entries.Count > 0 && entries[^1] is { Kind: TimelineKind.Progress } last
                && last.Attempt == e.Attempt && last.Title == ProgressTitle(e))
            {
                entries[^1] = last with
                {
                    Until = e.At, LastSequence = e.Sequence, Message = e.Message ?? last.Message,
                    ToPercent = e.Percent ?? last.ToPercent, EventCount = last.EventCount + 1,
                };
                continue;
            }

            entries.Add(new TimelineEntry(
                kind, kind == TimelineKind.Progress ? ProgressTitle(e) : TitleOf(kind, e), e.At, null, e.Attempt, e.Sequence, e.Sequence,
                e.Message, e.Error, e.DelaySeconds, e.Percent, e.Percent, 1));
        }

        return entries;
    }

    public static TimelineKind KindOf(string name) => name switch
    {
        RunEventNames.Queued => TimelineKind.Queued,
        RunEventNames.Started => TimelineKind.Started,
        RunEventNames.Progress => TimelineKind.Progress,
        RunEventNames.RetryScheduled => TimelineKind.Retry,
        RunEventNames.Succeeded => TimelineKind.Succeeded,
        RunEventNames.Failed => TimelineKind.Failed,
        RunEventNames.Cancelled => TimelineKind.Cancelled,
        RunEventNames.DeadLettered => TimelineKind.DeadLettered,
        RunEventNames.Requeued => TimelineKind.Requeued,
        _ => TimelineKind.Other,
    };

    private static string ProgressTitle(RunEvent e) => $"Progress: {e.Phase ?? "working"}";

    private static string TitleOf(TimelineKind kind, RunEvent e) => kind switch
    {
        TimelineKind.Queued => "Queued",
        TimelineKind.Started => $"Attempt {e.Attempt} started",
        TimelineKind.Retry => $"Attempt {e.Attempt} failed; retry scheduled",
        TimelineKind.Succeeded => "Succeeded",
        TimelineKind.Failed => "Failed",
        TimelineKind.Cancelled => "Cancelled",
        TimelineKind.DeadLettered => "Dead-lettered",
        TimelineKind.Requeued => "Requeued",
        _ => e.Name,
    };
}
