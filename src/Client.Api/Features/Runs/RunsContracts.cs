using System.Text.Json;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

public sealed record RunCreatedResponse(string RunId, RunStatus Status);

public sealed record RunInputs(IReadOnlyList<string> ArtifactIds);

public sealed record RunResponse(
    string RunId,
    string Kind,
    RunStatus Status,
    bool DeadLettered,
    int Attempt,
    IReadOnlyList<DatasetRef> DatasetRefs,
    RunInputs Inputs,
    JsonElement Params,
    string ParamsHash,
    long? Seed,
    string EngineVersion,
    string? ClaimedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<ArtifactRef> Artifacts,
    long EventCount,
    RunExperimentTag? Experiment,
    string? CreatedBy)
{
    public static RunResponse From(RunSnapshot run) => new(
        run.RunId, run.Spec.Kind, run.Status, run.DeadLettered, run.Attempt, run.Spec.DatasetRefs,
        new RunInputs(run.Spec.InputArtifactIds), JsonDocument.Parse(run.Spec.ParamsJson).RootElement.Clone(),
        run.Spec.ParamsHash, run.Spec.Seed, run.Spec.EngineVersion, run.ClaimedBy, run.CreatedAt, run.StartedAt,
        run.FinishedAt, run.LastError, run.Artifacts, run.EventCount, run.Spec.Experiment, run.CreatedBy);
}

/// <summary>A row of the run list; a dead-lettered run shows its attempt count, last error and last claimed-by.</summary>
public sealed record RunListItem(
    string RunId, string Kind, RunStatus Status, bool DeadLettered, DateTimeOffset CreatedAt, int Attempt, string? LastError, string? ClaimedBy,
    string? CreatedBy);

public sealed record RunListResponse(IReadOnlyList<RunListItem> Items, string? NextCursor);

public sealed record RunEventsResponse(string RunId, RunStatus Status, IReadOnlyList<RunEvent> Events, long LastSequence);
