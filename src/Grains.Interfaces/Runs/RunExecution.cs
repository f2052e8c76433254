namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>The work order an executor receives: which run, which attempt, and the pinned spec.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunExecution")]
public sealed record RunExecution(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] RunSpec Spec);
