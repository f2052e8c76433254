using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>A run as read: its spec and lifecycle. <see cref="Attempt"/> is 0 until the first execution starts.</summary>
/// <param name="CreatedBy">Who created it (a key name, <c>local</c> or <c>system</c>); null for a run stored before actors were kept.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunSnapshot")]
public sealed record RunSnapshot(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunSpec Spec,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] bool DeadLettered,
    [property: Id(4)] int Attempt,
    [property: Id(5)] string? LastError,
    [property: Id(6)] string? ClaimedBy,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? StartedAt,
    [property: Id(9)] DateTimeOffset? FinishedAt,
    [property: Id(10)] IReadOnlyList<ArtifactRef> Artifacts,
    [property: Id(11)] long EventCount,
    [property: Id(12)] string? CreatedBy = null);
