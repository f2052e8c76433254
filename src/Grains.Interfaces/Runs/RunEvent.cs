namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// One entry of a run's append-only event log; <see cref="Sequence"/> starts at 1. A <c>RUN.RETRY_SCHEDULED</c>
/// event carries the failed attempt, the delay before the next one and the error. A change made on request
/// (<c>RUN.QUEUED</c>, <c>RUN.CANCELLED</c>, <c>RUN.REQUEUED</c>) names its <see cref="Actor"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunEvent")]
public sealed record RunEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string? Phase = null,
    [property: Id(5)] double? Percent = null,
    [property: Id(6)] string? Message = null,
    [property: Id(7)] double? DelaySeconds = null,
    [property: Id(8)] string? Error = null,
    [property: Id(9)] string? Actor = null);

/// <summary>Run event names (docs/architecture.md, domain rules: nouns).</summary>
public static class RunEventNames
{
    public const string Queued = "RUN.QUEUED";
    public const string Started = "RUN.STARTED";
    public const string Progress = "RUN.PROGRESS";
    public const string RetryScheduled = "RUN.RETRY_SCHEDULED";
    public const string Succeeded = "RUN.SUCCEEDED";
    public const string Failed = "RUN.FAILED";
    public const string Cancelled = "RUN.CANCELLED";
    public const string DeadLettered = "RUN.DEAD_LETTERED";
    public const string Requeued = "RUN.REQUEUED";
}

/// <summary>A page of events after a sequence number, with the run's status when it was read.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunEventPage")]
public sealed record RunEventPage(
    [property: Id(0)] IReadOnlyList<RunEvent> Events,
    [property: Id(1)] RunStatus Status,
    [property: Id(2)] long LastSequence);
