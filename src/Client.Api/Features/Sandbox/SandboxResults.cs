using LabSandbox.Api.Infrastructure;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>One mapping from Sandbox command outcomes to HTTP results: 404, 400 naming the field, 409.</summary>
public static class SandboxResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> From<T>(SandboxCommandResult<T> result)
        where T : class =>
        result.Outcome switch
        {
            SandboxCommandOutcome.Ok => TypedResults.Ok(result.Snapshot!),
            SandboxCommandOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            SandboxCommandOutcome.Conflict => ApiProblems.Conflict(Messages(result)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: Messages(result)),
        };

    private static string Messages<T>(SandboxCommandResult<T> result)
        where T : class => string.Join(" ", result.Errors.Values.SelectMany(v => v));
}
