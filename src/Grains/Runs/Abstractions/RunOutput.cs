namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>What a handler produced.</summary>
/// <param name="AfterSuccess">
/// Runs once the run has succeeded (e.g. registering a Candidate from the stored artifacts); it must be
/// idempotent and derive everything from the stored run, since a crash can skip it and a repair redo it.
/// </param>
public sealed record RunOutput(IReadOnlyList<ArtifactDraft> Artifacts, Func<Task>? AfterSuccess = null);
