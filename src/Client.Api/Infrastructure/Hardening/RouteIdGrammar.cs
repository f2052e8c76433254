namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// What an id in an API route may be: 1 to 200 ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or
/// digit. Every id the lab makes fits (<c>run-advancement-…</c>, <c>art-…</c>, <c>sha256:…</c> digests, entry keys,
/// user-chosen synthetic-calcutta, cohort and experiment ids), so a route value outside it cannot name anything:
/// it is refused before a grain is asked. No '/', '\', NUL, control character, space or percent sign gets through,
/// and with the first character a letter or digit neither can <c>.</c> or <c>..</c>.
/// </summary>
public static class RouteIdGrammar
{
    public const int MaxLength = 200;

    public const string Description = "1 to 200 ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    public static bool IsValid(string? value) =>
        value is { Length: >= 1 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(value[0])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
