namespace LabSandbox.Silo.Commands;

/// <summary>
/// Checks what is left on the command line when no command is named: it all goes to the generic host's
/// command-line configuration (<c>--Key value</c>, <c>--Key=value</c>, <c>/Key value</c>, <c>Key=value</c>).
/// That provider silently ignores anything else, so a mistyped command (<c>migrat</c>) would start a silo;
/// here it is a usage error instead.
/// </summary>
public static class HostArguments
{
    /// <returns>One message per token the host's configuration would not read; empty when all is well.</returns>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> tokens)
    {
        var problems = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isKey = token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/');
            if (token.Contains('=', StringComparison.Ordinal) && (isKey || !token.StartsWith('-')))
            {
                continue;
            }

            if (!isKey || token is "--" or "/")
            {
                problems.Add($"Unrecognized command or argument '{token}'.");
            }
            else if (i + 1 == tokens.Count)
            {
                problems.Add($"Configuration argument '{token}' has no value (use {token} <value> or {token}=<value>).");
            }
            else
            {
                i++; // the key's value, whatever it looks like
            }
        }

        return problems;
    }
}
