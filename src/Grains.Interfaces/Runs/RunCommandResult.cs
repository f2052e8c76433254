namespace LabSandbox.Grains.Interfaces.Runs;

public enum RunCommandOutcome
{
    /// <summary>The command took effect (or was an idempotent repeat).</summary>
    Accepted,

    /// <summary>The run's state forbids it (e.g. cancelling a terminal run, INV-3); nothing changed.</summary>
    Conflict,

    /// <summary>No run exists under this id.</summary>
    NotFound,
}

[GenerateSerializer, Immutable, Alias("LabSandbox.RunCommandResult")]
public sealed record RunCommandResult(
    [property: Id(0)] RunCommandOutcome Outcome,
    [property: Id(1)] RunSnapshot? Run,
    [property: Id(2)] string? Reason = null);
