namespace LabSandbox.Grains.Interfaces.Runs;

public enum RunStartOutcome
{
    /// <summary>The spec's run exists: just created, still going, or already finished (then its report is ready).</summary>
    Started,

    /// <summary>The request is invalid (see the errors by field); nothing was started.</summary>
    Invalid,

    /// <summary>The run could not be started (see the reason), e.g. it failed too many times in a row.</summary>
    Conflict,
}

/// <summary>
/// What became of a request to start an orchestration run (Lab generation, a cohort's simulations): its spec-derived
/// run and the id of the <c>metrics</c> artifact that will hold its report, or why it was not started.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunStart")]
public sealed record RunStart(
    [property: Id(0)] RunStartOutcome Outcome,
    [property: Id(1)] string? RunId,
    [property: Id(2)] RunStatus? Status,
    [property: Id(3)] string? ReportArtifactId,
    [property: Id(4)] IReadOnlyDictionary<string, string[]> Errors,
    [property: Id(5)] string? Reason);
