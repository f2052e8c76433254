using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using LabSandbox.Api.Infrastructure.Hardening;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// The ways to break a request body for certain, each a generator of an edit that returns its label. Every one makes
/// the request invalid whatever else it holds: a wrong JSON type, a required field gone, an unknown field, a number
/// as a string, a token that is not JSON, a lone surrogate, bytes that are not UTF-8, nesting past the limit, a
/// duplicate name, a truncated, empty, non-JSON or non-object body, a content type that is not JSON, a body over the cap.
/// </summary>
public static class FuzzBreaks
{
    private static readonly Gen<int> Pick = Gen.Int[0, 1 << 20];

    private static readonly string[] Kinds = ["object", "array", "boolean", "number", "string"];

    public static Gen<Func<FuzzDraft, string>> For(FuzzOperation operation) => Gen.Frequency(
        (6, Gen.Select(Pick, Gen.Int[0, 4], WrongType)),
        (3, Pick.Select(MissingRequired)),
        (4, Gen.Select(Gen.OneOf("zz", "Kind", "KIND", "kind ", " kind", "", "__proto__", "$type", "constructor", "tournamentID", "seed\u0000", "\u202Ekind"), Pick, UnknownField)),
        (3, Gen.Select(Pick, FuzzValues.NumberAsString, NumberAsString)),
        (3, Gen.Select(Pick, FuzzValues.InvalidToken, InvalidToken)),
        (4, Gen.Select(Pick, FuzzValues.LoneSurrogate, Gen.Bool, LoneSurrogate)),
        (4, Gen.Select(Pick, FuzzValues.InvalidUtf8, Gen.Bool, InvalidUtf8)),
        (2, Gen.Select(Pick, Gen.Int[HardeningOptions.MaxJsonDepth, 3000], Gen.Bool, DeepNesting)),
        (2, Pick.Select(Duplicate)),
        (2, Pick.Select(Truncated)),
        (2, FuzzValues.NotJson.Select(NotJson)),
        (1, FuzzValues.NotAnObject.Select(NotAnObject)),
        (1, Gen.Const<Func<FuzzDraft, string>>(Empty)),
        (2, FuzzValues.WrongContentType.Select(WrongContentType)),
        (1, Gen.Const<Func<FuzzDraft, string>>(NoContentType)),
        (1, Gen.Select(Gen.Int[1, 100_000], Gen.Bool, TooLarge)));

    private static Func<FuzzDraft, string> WrongType(int pick, int kind) => draft =>
    {
        var paths = draft.Paths();
        var path = paths[pick % paths.Count];
        // A top-level field has its schema's types; below that (or where the schema says nothing), a container takes
        // a scalar and a scalar a container. (The value's own kind is no guide: noise may have made it a raw-byte marker.)
        var candidates = path.Length == 1 && draft.Operation.Body!.FieldTypes.TryGetValue((string)path[0], out var types) && types.Count > 0
            ? Kinds.Where(k => !types.Select(t => t == "integer" ? "number" : t).Contains(k)).ToArray()
            : FuzzBodies.Get(draft.Json!, path) is JsonObject or JsonArray ? ["boolean", "number", "string"] : ["object", "array"];
        var chosen = candidates[kind % candidates.Length];
        FuzzBodies.Set(draft.Json!, path, chosen switch
        {
            "object" => new JsonObject { ["fuzz"] = 1 },
            "array" => new JsonArray(1, "x"),
            "boolean" => false,
            "number" => 7,
            _ => "wrong-type",
        });
        return $"wrong type: {Name(path)} as {chosen}";
    };

    private static Func<FuzzDraft, string> MissingRequired(int pick) => draft =>
    {
        var required = draft.Operation.Body!.RequiredByBase.SelectMany(r => r).Distinct().Where(draft.Json!.ContainsKey).ToList();
        if (required.Count == 0)
        {
            return UnknownField("zz-instead-of-missing", pick)(draft);
        }

        var name = required[pick % required.Count];
        draft.Json!.Remove(name);
        return $"missing required: {name}";
    };

    private static Func<FuzzDraft, string> UnknownField(string prefix, int pick) => draft =>
    {
        var name = prefix + (pick % 7 == 0 ? "" : $"{pick % 1000}");
        if (draft.Json!.ContainsKey(name))
        {
            name = "zz" + name;
        }

        draft.Json![name] = pick % 3 == 0 ? new JsonObject { ["x"] = pick } : pick % 3 == 1 ? JsonValue.Create(pick) : "value";
        return $"unknown field: '{name}'";
    };

    private static Func<FuzzDraft, string> NumberAsString(int pick, string text) => draft =>
    {
        var numbers = draft.Paths(leaves: true).Where(p => FuzzBodies.KindOf(FuzzBodies.Get(draft.Json!, p)) == "number").ToList();
        if (numbers.Count == 0)
        {
            return WrongType(pick, 0)(draft);
        }

        var path = numbers[pick % numbers.Count];
        FuzzBodies.Set(draft.Json!, path, text);
        return $"number as string: {Name(path)} = \"{text}\"";
    };

    private static Func<FuzzDraft, string> InvalidToken(int pick, string token) => draft =>
    {
        var path = Leaf(draft, pick);
        FuzzBodies.Set(draft.Json!, path, draft.Raw(Encoding.UTF8.GetBytes(token)));
        return $"invalid token: {Name(path)} = {token}";
    };

    private static Func<FuzzDraft, string> LoneSurrogate(int pick, string escape, bool inName) => draft =>
    {
        var raw = Encoding.UTF8.GetBytes($"\"id-{escape}\"");
        if (inName)
        {
            draft.Json!["zz-name"] = draft.Raw(raw); // replaced below: the surrogate goes into a property name
            var bytes = draft.Written();
            var text = Encoding.UTF8.GetString(bytes).Replace("\"zz-name\":", $"\"n{escape}\":", StringComparison.Ordinal);
            draft.Bytes = Encoding.UTF8.GetBytes(text);
            return $"lone surrogate in a property name: {escape}";
        }

        var path = Leaf(draft, pick);
        FuzzBodies.Set(draft.Json!, path, draft.Raw(raw));
        return $"lone surrogate: {Name(path)} holds {escape}";
    };

    private static Func<FuzzDraft, string> InvalidUtf8(int pick, byte[] bad, bool inName) => draft =>
    {
        byte[] raw = [.. "\"ab"u8, .. bad, .. "cd\""u8];
        if (inName)
        {
            draft.Json!["zz-bytes"] = draft.Raw([.. "1"u8]);
            var bytes = draft.Written();
            var name = "\"zz-bytes\""u8.ToArray();
            var at = bytes.AsSpan().IndexOf(name);
            draft.Bytes = [.. bytes.AsSpan(0, at), .. "\"n"u8, .. bad, .. "\""u8, .. bytes.AsSpan(at + name.Length)];
            return $"invalid UTF-8 in a property name: {Convert.ToHexString(bad)}";
        }

        var path = Leaf(draft, pick);
        FuzzBodies.Set(draft.Json!, path, draft.Raw(raw));
        return $"invalid UTF-8: {Name(path)} holds {Convert.ToHexString(bad)}";
    };

    private static Func<FuzzDraft, string> DeepNesting(int pick, int depth, bool objects) => draft =>
    {
        var nested = objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + "1" + new string(']', depth);
        var paths = draft.Paths();
        var path = paths.Count == 0 ? ["zz"] : paths[pick % paths.Count];
        FuzzBodies.Set(draft.Json!, path, draft.Raw(Encoding.UTF8.GetBytes(nested)));
        return $"deep nesting: {depth} {(objects ? "objects" : "arrays")} at {Name(path)}";
    };

    private static Func<FuzzDraft, string> Duplicate(int pick) => draft =>
    {
        var names = draft.Json!.Select(p => p.Key).ToList();
        var name = names.Count == 0 ? "kind" : names[pick % names.Count];
        var bytes = draft.Written();
        draft.Bytes = [.. bytes.AsSpan(0, bytes.Length - 1), .. Encoding.UTF8.GetBytes($"{(names.Count == 0 ? "" : ",")}\"{name}\":1,\"{name}\":2}}")];
        return $"duplicate field: {name}";
    };

    private static Func<FuzzDraft, string> Truncated(int pick) => draft =>
    {
        var bytes = draft.Written();
        var length = pick % bytes.Length;
        draft.Bytes = bytes[..length];
        return $"truncated: {length} of {bytes.Length} bytes";
    };

    private static Func<FuzzDraft, string> NotJson(byte[] body) => draft =>
    {
        draft.Bytes = body;
        return "not JSON: a JSON content type";
    };

    private static Func<FuzzDraft, string> NotAnObject(string body) => draft =>
    {
        draft.Bytes = Encoding.UTF8.GetBytes(body);
        return $"not an object: {body}";
    };

    private static string Empty(FuzzDraft draft)
    {
        draft.Bytes = [];
        return "empty body";
    }

    private static Func<FuzzDraft, string> WrongContentType(string type) => draft =>
    {
        draft.ContentType = type;
        return $"wrong content type: {type}";
    };

    private static string NoContentType(FuzzDraft draft)
    {
        draft.ContentType = null;
        return "no content type";
    }

    private static Func<FuzzDraft, string> TooLarge(int extra, bool chunked) => draft =>
    {
        var size = (int)HardeningOptions.DefaultMaxRequestBodyBytes + extra;
        draft.Json!["zz-padding"] = new string('x', size);
        draft.Chunked = chunked;
        return $"body over the cap: +{extra} bytes{(chunked ? ", chunked" : "")}";
    };

    private static object[] Leaf(FuzzDraft draft, int pick)
    {
        var leaves = draft.Paths(leaves: true);
        return leaves.Count == 0 ? ["zz"] : leaves[pick % leaves.Count];
    }

    public static string Name(object[] path) => string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
}
