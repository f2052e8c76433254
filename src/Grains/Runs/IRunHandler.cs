using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>Executes runs of one kind. Pure with respect to the run: it returns artifacts, the executor persists them.</summary>
public interface IRunHandler
{
    string Kind { get; }

    Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a handler may use: the run's identity and pinned spec, grains to read inputs, and a progress sink
/// that answers false once the run is no longer this attempt's (e.g. cancelled), so the handler can stop.
/// </summary>
public sealed record RunExecutionContext(
    string RunId,
    int Attempt,
    RunSpec Spec,
    IGrainFactory Grains,
    Func<string, double, string, Task<bool>> ReportProgressAsync);

/// <summary>An artifact a handler produced, before it has an id or a place in storage.</summary>
/// <param name="Inline">Keep the bytes in the artifact record (small outputs) instead of the artifact store.</param>
public sealed record ArtifactDraft(
    string Kind,
    string ContentType,
    string FileName,
    byte[] Content,
    bool Inline,
    IReadOnlyDictionary<string, string> Summary,
    ArtifactLineage Lineage);

/// <summary>What a handler produced.</summary>
/// <param name="AfterSuccess">
/// Runs once the run has succeeded (e.g. registering a Candidate from the stored artifacts); it must be
/// idempotent and derive everything from the stored run, since a crash can skip it and a repair redo it.
/// </param>
public sealed record RunOutput(IReadOnlyList<ArtifactDraft> Artifacts, Func<Task>? AfterSuccess = null);

/// <summary>A failure that retrying cannot fix (bad or missing inputs): the run fails at once.</summary>
public sealed class NonRetryableRunException(string message) : Exception(message);
