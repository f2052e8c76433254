using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// Why a form's request was refused, as the API would say it: a message (not found / conflict) and the field errors
/// the grain returned (camelCase field names, as in the request body), so a form shows each next to its field.
/// </summary>
public sealed record FormProblem(string? Message, IReadOnlyDictionary<string, string[]> Fields)
{
    public static FormProblem? Of<T>(CommandResult<T> result)
        where T : class =>
        result.Outcome == CommandOutcome.Accepted ? null : new FormProblem(result.Reason, result.Errors);

    public static FormProblem? Of(RunCreation creation) =>
        creation.Outcome switch
        {
            RunCreationOutcome.Created => null,
            RunCreationOutcome.KeyConflict => new FormProblem("The request was refused: its key already created another run.", creation.Errors),
            _ => new FormProblem(null, creation.Errors),
        };

    public static FormProblem? Of(RunStart start) =>
        start.Outcome == RunStartOutcome.Started ? null : new FormProblem(start.Reason, start.Errors);

    /// <summary>The user's role does not allow the change (checked before any grain is called).</summary>
    public static FormProblem Refused(LabSandbox.Api.Components.Shared.LabUser user, string policy) =>
        new(user.Refusal(policy), new Dictionary<string, string[]>());

    public static FormProblem From(Exception exception) =>
        new(LabSandbox.Api.Components.Shared.ProblemAlert.Describe(exception), new Dictionary<string, string[]>());

    /// <summary>The messages of a field and of its parts (<c>bids</c> also covers <c>bids[0].teamId</c>).</summary>
    public IReadOnlyList<string> For(string field) =>
        Fields.Where(f => f.Key == field || f.Key.StartsWith(field + ".", StringComparison.Ordinal) || f.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .SelectMany(f => f.Value)
            .ToList();

    /// <summary>Messages of fields the form has no place for, so none is lost.</summary>
    public IReadOnlyList<string> Other(params string[] shown) =>
        Fields.Where(f => !shown.Any(s => f.Key == s || f.Key.StartsWith(s + ".", StringComparison.Ordinal) || f.Key.StartsWith(s + "[", StringComparison.Ordinal)))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .SelectMany(f => f.Value)
            .ToList();
}
