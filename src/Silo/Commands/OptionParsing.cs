using System.CommandLine.Parsing;
using System.Globalization;

namespace LabSandbox.Silo.Commands;

/// <summary>Option checks the commands share, so the same mistake reads the same in every command.</summary>
public static class OptionParsing
{
    /// <summary>The option's value as a whole number within bounds, or a parse error that says what is expected.</summary>
    public static long WholeNumber(ArgumentResult result, long min, long max)
    {
        var option = ((OptionResult)result.Parent!).Option.Name;
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == long.MaxValue ? $"{min:N0} or more" : $"from {min:N0} to {max:N0}";
        result.AddError($"{option} must be a whole number {range}, not '{text}'.");
        return default;
    }

    /// <summary>A path option given as blank is a usage error, not a write to the current folder.</summary>
    public static void MustNameAFile(OptionResult result, string option)
    {
        if (result.Tokens.Count == 1 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
        {
            result.AddError($"{option} must name a file.");
        }
    }
}
