namespace LabSandbox.Grains.Interfaces.Commands;

public enum CommandOutcome
{
    /// <summary>Done (or already so: a repeat of an idempotent command changes nothing).</summary>
    Accepted,

    /// <summary>The target (or a thing it names, then its field carries the error) does not exist; nothing changed.</summary>
    NotFound,

    /// <summary>The command is invalid (see the errors by field); nothing changed.</summary>
    Invalid,

    /// <summary>The target's state forbids it or it contradicts what exists (see the reason); nothing changed.</summary>
    Conflict,
}

/// <summary>
/// The outcome of a command on a grain, the snapshot after it, the problems by field name, and the reason of a
/// not-found or conflict (the message a client is shown). Returned to callers only, never persisted.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Snapshot,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors,
    [property: Id(3)] string? Reason)
    where T : class
{
    public static CommandResult<T> Accepted(T snapshot) => new(CommandOutcome.Accepted, snapshot, NoErrors(), null);

    public static CommandResult<T> NotFound(string reason) => new(CommandOutcome.NotFound, null, NoErrors(), reason);

    /// <summary>Not found, naming the request field that points at the missing thing.</summary>
    public static CommandResult<T> NotFound(string field, string reason) =>
        new(CommandOutcome.NotFound, null, new Dictionary<string, string[]> { [field] = [reason] }, reason);

    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors, T? snapshot = null) =>
        new(CommandOutcome.Invalid, snapshot, errors, null);

    public static CommandResult<T> Invalid(string field, string message, T? snapshot = null) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, snapshot);

    public static CommandResult<T> Conflict(string reason, T? snapshot = null) => new(CommandOutcome.Conflict, snapshot, NoErrors(), reason);

    private static Dictionary<string, string[]> NoErrors() => [];
}
