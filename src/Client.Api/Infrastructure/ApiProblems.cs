using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure;

/// <summary>RFC 7807 problem details with a clear message, one shape for every endpoint.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"{what} '{id}' does not exist.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: "Invalid request: " + string.Join(" ", errors.OrderBy(e => e.Key, StringComparer.Ordinal)
                .SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))),
            title: "Invalid request");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
