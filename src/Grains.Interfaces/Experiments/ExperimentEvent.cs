namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>One entry of an experiment's append-only event log; <paramref name="DataJson"/> is the type's payload (canonical JSON).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentEvent")]
public sealed record ExperimentEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Type,
    [property: Id(2)] int? Iteration,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string DataJson);

/// <summary>Events after a sequence, oldest first; <paramref name="Ended"/> once the experiment has ended (nothing will follow).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentEventPage")]
public sealed record ExperimentEventPage(
    [property: Id(0)] IReadOnlyList<ExperimentEvent> Events,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] bool Ended);

/// <summary>An event as the search emits it: its sequence is fixed by the search, so a resumed search repeats it harmlessly.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentEventDraft")]
public sealed record ExperimentEventDraft(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Type,
    [property: Id(2)] int? Iteration,
    [property: Id(3)] string DataJson);

public static class ExperimentEventTypes
{
    public const string ExperimentStart = "EXPERIMENT.START";
    public const string IterationStart = "ITERATION.START";
    public const string Batch = "ORCH.BATCH";
    public const string Prune = "ORCH.PRUNE";
    public const string EvalResult = "EVAL.RESULT";
    public const string IterationAccepted = "ITERATION.ACCEPTED";
    public const string EarlyStop = "ORCH.EARLY_STOP";
    public const string ExperimentEnd = "EXPERIMENT.END";
}
