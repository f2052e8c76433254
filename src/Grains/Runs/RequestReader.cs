using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;

namespace LabSandbox.Grains.Runs;

/// <summary>Reads fields of a JSON request and collects one message per bad field, named as in the request.</summary>
public sealed class RequestReader(JsonObject request)
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly HashSet<string> _read = ["kind"];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Error(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public JsonNode? Node(string field)
    {
        _read.Add(field);
        return request[field];
    }

    public string? RequiredString(string field)
    {
        var node = Node(field);
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        Error(field, node is null ? $"'{field}' is required." : $"'{field}' must be a non-empty string.");
        return null;
    }

    /// <summary>
    /// A whole number in [<paramref name="min"/>, <paramref name="max"/>], read as an integer (seeds use all 63 bits);
    /// null when absent (an error if <paramref name="required"/>) or invalid (an error naming the range).
    /// </summary>
    public long? WholeNumber(string field, long min, long max, bool required)
    {
        var node = Node(field);
        if (node is null)
        {
            if (required)
            {
                Error(field, $"'{field}' is required.");
            }

            return null;
        }

        if (!TryGetLong(node, out var value) || value < min || value > max)
        {
            Error(field, $"'{field}' must be a whole number from {min:N0} to {max:N0}.");
            return null;
        }

        return value;
    }

    /// <summary>An optional non-empty string; null when absent.</summary>
    public string? OptionalString(string field)
    {
        var node = Node(field);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        Error(field, $"'{field}' must be a non-empty string.");
        return null;
    }

    /// <summary>An id from the request, or one derived from the request's content (so a repeated request names the same thing).</summary>
    public string IdOrDerived(string field, string prefix)
    {
        var given = OptionalString(field);
        if (given is not null && !IsValidId(given))
        {
            Error(field, $"'{field}' is 1–64 letters, digits, '_', '-' or '.', starting with a letter or digit.");
        }

        return given ?? $"{prefix}-{ContentDigest.Hex(CanonicalJson.Canonicalize(request))[..16]}";
    }

    /// <summary>Rejects fields nobody read, so a misspelt option is an error rather than silently ignored.</summary>
    public void RejectUnknownFields()
    {
        foreach (var name in request.Select(p => p.Key).Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal))
        {
            Error(name, $"Unknown field '{name}'.");
        }
    }

    /// <summary>Any JSON number, whether parsed from text or built in code from an int, long or double.</summary>
    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A JSON number that is a whole number in the range of <see cref="long"/>, read exactly (no double rounding).</summary>
    public static bool TryGetLong(JsonNode? node, out long number)
    {
        number = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryGetInt(JsonNode? node, out int number)
    {
        number = 0;
        return TryGetNumber(node, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            && (number = (int)d) == d;
    }

    private static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 64 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
