using System.Text.RegularExpressions;
using LabSandbox.Grains.Interfaces.Security;

namespace LabSandbox.Grains.Security;

/// <summary>
/// What a key's name and role may be. A name is the actor every change made with the key records (in runs, audit rows,
/// logs), so it is short, lower-case and free of spaces and markup. The roles are the API's policies (reader, analyst,
/// admin — <c>LabPolicies</c> in the API, which a test keeps equal to <see cref="Roles"/>).
/// </summary>
public static partial class ApiKeyRules
{
    public const string NamePattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    /// <summary>The roles, least to most privileged.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["reader", "analyst", "admin"];

    /// <summary>Actors that are not keys (local mode's, and work no request started): no key may pass for them.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = [LabActor.Local, LabActor.System];

    /// <summary>Why the name cannot be a key's name, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        name is null || !ValidName().IsMatch(name)
            ? $"A key's name is 1–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (got '{Printable(name)}')."
            : ReservedNames.Contains(name, StringComparer.Ordinal)
                ? $"'{name}' is reserved (it names an actor that is not a key)."
                : null;

    /// <summary>Why the role is not one of <see cref="Roles"/>, or null when it is.</summary>
    public static string? RoleProblem(string? role) =>
        role is not null && Roles.Contains(role, StringComparer.Ordinal)
            ? null
            : $"A key's role is one of {string.Join(", ", Roles)} (got '{Printable(role)}').";

    /// <summary>A lowercase hex SHA-256.</summary>
    public static bool IsSha256(string? text) => text is { Length: 64 } && Sha256Hex().IsMatch(text);

    // Echo at most a short, printable prefix of what was given: a mistyped name may be pasted garbage.
    private static string Printable(string? text) =>
        text is null ? "" : new string(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex(NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Hex();
}
