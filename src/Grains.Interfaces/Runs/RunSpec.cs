namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// Everything that determines a run's result, fixed at submission: canonical params and their hash,
/// the dataset versions and upstream artifacts it is pinned to, its seed and the engine version.
/// </summary>
/// <param name="ParamsJson">Canonical JSON of the params (defaults filled in, keys sorted).</param>
/// <param name="Experiment">Set on the simulation runs of an experiment (part of their spec, so of their identity).</param>
/// <param name="ParamsHash">SHA-256 of <see cref="ParamsJson"/>'s UTF-8 bytes, lower-case hex.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunSpec")]
public sealed record RunSpec(
    [property: Id(0)] string Kind,
    [property: Id(1)] string ParamsJson,
    [property: Id(2)] string ParamsHash,
    [property: Id(3)] IReadOnlyList<DatasetRef> DatasetRefs,
    [property: Id(4)] IReadOnlyList<string> InputArtifactIds,
    [property: Id(5)] long? Seed,
    [property: Id(6)] string EngineVersion,
    [property: Id(7)] RunExperimentTag? Experiment = null);

/// <summary>Names a simulation run's place in an experiment: which iteration, which sample of it, and why it ran.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunExperimentTag")]
public sealed record RunExperimentTag(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] int Iteration,
    [property: Id(2)] int SampleIndex,
    [property: Id(3)] string RunPurpose);
