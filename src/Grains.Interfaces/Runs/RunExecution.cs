namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// The work order an executor receives: which run, which attempt, and the pinned spec; <paramref name="Actor"/> is who
/// created the run, so the runs its handler creates (an orchestration's children) name the same actor on every attempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunExecution")]
public sealed record RunExecution(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] RunSpec Spec,
    [property: Id(3)] string? Actor = null);
