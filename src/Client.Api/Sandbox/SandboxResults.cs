using LabSandbox.Api.Apis;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Sandbox;

/// <summary>One mapping from Sandbox command outcomes to HTTP results: 404, 400 naming the field, 409.</summary>
public static class SandboxResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> From<T>(SandboxCommandResult<T> result, string what, string id)
        where T : class =>
        result.Outcome switch
        {
            SandboxCommandOutcome.Ok => TypedResults.Ok(result.Snapshot!),
            SandboxCommandOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            SandboxCommandOutcome.Conflict => ApiProblems.Conflict(string.Join(" ", result.Errors.Values.SelectMany(v => v))),
            _ => result.Errors.Values.SelectMany(v => v).FirstOrDefault() is { } message
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: message)
                : ApiProblems.NotFound(what, id),
        };
}

/// <summary>A row of the synthetic-calcutta list.</summary>
public sealed record SyntheticCalcuttaSummary(
    string SyntheticCalcuttaId, string Name, string TournamentId, string? SourceCalcuttaId, int Version, string Digest,
    int EntryCount, string? ExcludedEntryKey, string? FocusCandidateId);

public sealed record SyntheticCalcuttaListResponse(IReadOnlyList<SyntheticCalcuttaSummary> Items);

public sealed record CohortListResponse(IReadOnlyList<CohortSnapshot> Items);

public sealed record CohortResultsListResponse(string CohortId, IReadOnlyList<Grains.Sandbox.CohortResults> Simulations);
