using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Rejects fields nobody read, so a misspelt option is an error rather than silently ignored.</summary>
    public void RejectUnknownFields()
    {
        foreach (var name in request.Select(p => p.Key).Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal))
        {
            Error(name, $"Unknown field '{name}'.");
        }
    }

    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out number);
    }

    public static bool TryGetInt(JsonNode? node, out int number)
    {
        number = 0;
        return TryGetNumber(node, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            && (number = (int)d) == d;
    }
}
