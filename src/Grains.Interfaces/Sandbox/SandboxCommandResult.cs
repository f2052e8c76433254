namespace LabSandbox.Grains.Interfaces.Sandbox;

public enum SandboxCommandOutcome
{
    /// <summary>Done (or already so: a repeat of an idempotent command changes nothing).</summary>
    Ok,

    NotFound,

    /// <summary>The command is invalid (see the errors by field); nothing changed.</summary>
    Invalid,

    /// <summary>It contradicts what exists (e.g. creating an id twice with different content); nothing changed.</summary>
    Conflict,
}

/// <summary>The outcome of a Sandbox command, the snapshot after it, and any problems by field name.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SandboxCommandResult`1")]
public sealed record SandboxCommandResult<T>(
    [property: Id(0)] SandboxCommandOutcome Outcome,
    [property: Id(1)] T? Snapshot,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public static SandboxCommandResult<T> Ok(T snapshot) => new(SandboxCommandOutcome.Ok, snapshot, new Dictionary<string, string[]>());

    public static SandboxCommandResult<T> NotFound(string field, string message) =>
        new(SandboxCommandOutcome.NotFound, null, new Dictionary<string, string[]> { [field] = [message] });

    public static SandboxCommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors, T? snapshot = null) =>
        new(SandboxCommandOutcome.Invalid, snapshot, errors);

    public static SandboxCommandResult<T> Invalid(string field, string message, T? snapshot = null) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, snapshot);

    public static SandboxCommandResult<T> Conflict(string message, T? snapshot = null) =>
        new(SandboxCommandOutcome.Conflict, snapshot, new Dictionary<string, string[]> { [""] = [message] });
}
