using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// Editing a body: every value's path in it, reading and replacing a value by path, and writing it out with markers
/// swapped for raw bytes (what no JSON writer would produce: invalid UTF-8, lone surrogate escapes, bare NaN).
/// </summary>
public static class FuzzBodies
{
    /// <summary>The string value that <see cref="Write"/> replaces, quotes included, by the <paramref name="index"/>th raw bytes.</summary>
    public static string Marker(int index) => $"\u0001fuzz-marker-{index}\u0001";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every value's path (property names, and array indexes as numbers), parents before children.</summary>
    public static IReadOnlyList<object[]> Paths(JsonNode? node)
    {
        var paths = new List<object[]>();
        Walk(node, [], paths);
        return paths;
    }

    private static void Walk(JsonNode? node, object[] at, List<object[]> paths)
    {
        if (at.Length > 0)
        {
            paths.Add(at);
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Walk(child, [.. at, name], paths);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], [.. at, i], paths);
                }

                break;
        }
    }

    public static JsonNode? Get(JsonNode root, object[] path) =>
        path.Aggregate<object, JsonNode?>(root, (node, step) => step is int i ? node?.AsArray()[i] : node?[(string)step]);

    public static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = Get(root, path[..^1]);
        switch (path[^1])
        {
            case int i when parent is JsonArray array:
                array[i] = value;
                break;
            case string name when parent is JsonObject obj:
                obj[name] = value;
                break;
        }
    }

    /// <summary>The JSON kind of a value, as OpenAPI names types.</summary>
    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>The body as UTF-8, non-ASCII raw or escaped, with each <see cref="Marker"/> string replaced by its raw bytes.</summary>
    public static byte[] Write(JsonNode body, bool relaxed, IReadOnlyList<byte[]> raws)
    {
        var options = relaxed ? Relaxed : JsonSerializerOptions.Default;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(options));
        for (var m = 0; m < raws.Count; m++)
        {
            var marker = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Marker(m), options));
            var at = bytes.AsSpan().IndexOf(marker);
            if (at >= 0)
            {
                bytes = [.. bytes.AsSpan(0, at), .. raws[m], .. bytes.AsSpan(at + marker.Length)];
            }
        }

        return bytes;
    }
}
