using System.Text.Json;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>The answer to a create: the experiment, its status and the driver run that searches.</summary>
public sealed record ExperimentCreatedResponse(string ExperimentId, ExperimentStatus Status, string DriverRunId);

/// <summary>A row of the experiment list; <c>fieldHonesty</c>: <c>hindsight</c> (searched against the real field) or <c>honest</c> (a modeled field).</summary>
public sealed record ExperimentSummary(
    string ExperimentId,
    string? Name,
    ExperimentStatus Status,
    int NumIterations,
    bool Converged,
    string? ConvergenceReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? BestCandidateId,
    string? CreatedBy,
    string FieldHonesty)
{
    public static ExperimentSummary From(ExperimentSnapshot e) => new(
        e.ExperimentId, e.Name, e.Status, e.NumIterations, e.Converged, e.ConvergenceReason, e.CreatedAt, e.CompletedAt, e.Result?.BestCandidateId,
        e.CreatedBy, e.FieldHonesty);
}

/// <summary>A page of experiments in id order; <paramref name="NextCursor"/> (an id, for <c>after</c>) while more follow.</summary>
public sealed record ExperimentListResponse(IReadOnlyList<ExperimentSummary> Items, string? NextCursor);

/// <summary>Recorded iterations; <paramref name="NextFrom"/> (for <c>from</c>) while more are recorded.</summary>
public sealed record ExperimentIterationsResponse(string ExperimentId, IReadOnlyList<ExperimentIteration> Items, int? NextFrom);

/// <summary>One event of the log with its payload as a JSON object (the grain keeps it as canonical JSON text).</summary>
public sealed record ExperimentEventResponse(long Sequence, string Type, int? Iteration, DateTimeOffset At, JsonElement Data)
{
    public static ExperimentEventResponse From(ExperimentEvent e)
    {
        using var data = JsonDocument.Parse(e.DataJson);
        return new ExperimentEventResponse(e.Sequence, e.Type, e.Iteration, e.At, data.RootElement.Clone());
    }
}

/// <summary>Events after a sequence, oldest first; <paramref name="Ended"/> once nothing will follow.</summary>
public sealed record ExperimentEventsResponse(
    string ExperimentId, ExperimentStatus Status, IReadOnlyList<ExperimentEventResponse> Events, long LastSequence, bool Ended);

/// <summary>A simulation run of the experiment, where it belongs in the search, and its status (null: registered, not yet created).</summary>
public sealed record ExperimentRunItem(string RunId, int Iteration, int SampleIndex, string RunPurpose, RunStatus? Status);

public sealed record ExperimentRunsResponse(string ExperimentId, string DriverRunId, IReadOnlyList<ExperimentRunItem> Items);
