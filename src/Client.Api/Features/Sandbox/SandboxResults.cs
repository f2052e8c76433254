using LabSandbox.Api.Infrastructure;
using LabSandbox.Grains.Interfaces.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>One mapping from Sandbox command outcomes to HTTP results: 404, 400 naming the field, 409.</summary>
public static class SandboxResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> From<T>(CommandResult<T> result)
        where T : class =>
        result.Outcome switch
        {
            CommandOutcome.Accepted => TypedResults.Ok(result.Snapshot!),
            CommandOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            CommandOutcome.Conflict => ApiProblems.Conflict(result.Reason!),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Reason),
        };
}
