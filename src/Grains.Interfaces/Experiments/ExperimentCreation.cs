namespace LabSandbox.Grains.Interfaces.Experiments;

public enum ExperimentCreationOutcome
{
    /// <summary>The experiment exists now (created, or an idempotent repeat of the same config).</summary>
    Created,

    /// <summary>The request is invalid (see the errors by field); nothing was created.</summary>
    Invalid,

    /// <summary>The id names an experiment with another config; nothing changed.</summary>
    Conflict,
}

/// <summary>What became of an experiment request: the experiment, the problems by field name, or the conflict's reason.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentCreation")]
public sealed record ExperimentCreation(
    [property: Id(0)] ExperimentCreationOutcome Outcome,
    [property: Id(1)] ExperimentSnapshot? Experiment,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors,
    [property: Id(3)] string? Reason = null);
