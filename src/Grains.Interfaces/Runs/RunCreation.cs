namespace LabSandbox.Grains.Interfaces.Runs;

public enum RunCreationOutcome
{
    /// <summary>The run exists now (created, or an idempotent repeat of the same spec).</summary>
    Created,

    /// <summary>The request is invalid (see the errors by field); nothing was created.</summary>
    Invalid,

    /// <summary>The idempotency key already created its run from another request; nothing changed.</summary>
    KeyConflict,
}

/// <summary>What became of a run request: the run, or the problems by field name (camelCase, as in the request).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunCreation")]
public sealed record RunCreation(
    [property: Id(0)] RunCreationOutcome Outcome,
    [property: Id(1)] string? RunId,
    [property: Id(2)] RunStatus? Status,
    [property: Id(3)] IReadOnlyDictionary<string, string[]> Errors);
