using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

[GenerateSerializer]
public sealed class RunState
{
    [Id(0)] public RunSpec? Spec { get; set; }

    [Id(1)] public RunStatus Status { get; set; }

    [Id(2)] public bool DeadLettered { get; set; }

    /// <summary>The attempt that last started; 0 before the first execution.</summary>
    [Id(3)] public int Attempt { get; set; }

    [Id(4)] public string? LastError { get; set; }

    [Id(5)] public string? ClaimedBy { get; set; }

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    [Id(7)] public DateTimeOffset? StartedAt { get; set; }

    [Id(8)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(9)] public List<ArtifactRef> Artifacts { get; set; } = [];

    /// <summary>Append-only: entries are added, never changed or removed.</summary>
    [Id(10)] public List<RunEvent> Events { get; set; } = [];

    /// <summary>When a queued run's next attempt is due (set when an attempt was given up; null otherwise).</summary>
    [Id(11)] public DateTimeOffset? RetryAt { get; set; }

    /// <summary>The attempt count when the run was last requeued: the attempt limit counts attempts after it.</summary>
    [Id(12)] public int AttemptBase { get; set; }

    /// <summary>Attempts lost to cluster failures (not counted toward the attempt limit).</summary>
    [Id(13)] public int ClusterFailures { get; set; }

    /// <summary>Who created the run (<see cref="Interfaces.Security.LabActor"/>); null for a run stored before actors were kept.</summary>
    [Id(14)] public string? CreatedBy { get; set; }

    /// <summary>
    /// The W3C traceparent of the request that created the run: attempts dispatched later start their own traces
    /// linked to it. Saved with the run so the link survives restarts; null when nothing traced the create.
    /// </summary>
    [Id(15)] public string? TraceParent { get; set; }
}
