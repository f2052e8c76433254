using System.Text.Json;
using System.Text.Json.Nodes;

namespace LabSandbox.Grains.Common;

/// <summary>
/// Canonical JSON: camelCase names, object keys sorted ordinally at every depth, no whitespace, numbers
/// in .NET's shortest round-trip form. Equal values always give equal bytes, so hashes of it are stable.
/// </summary>
public static class CanonicalJson
{
    public static string Serialize<T>(T value) =>
        Canonicalize(JsonSerializer.SerializeToNode(value, ContentDigest.Options));

    public static string Canonicalize(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
