using System.Text.Json.Nodes;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// Reads the write operations (POST, PUT, DELETE) out of the OpenAPI document the API serves: paths, path parameters,
/// request-body schemas (following <c>$ref</c>, <c>allOf</c> and the run request's discriminator) and examples.
/// </summary>
public static class OpenApiOperations
{
    private static readonly string[] WriteMethods = ["post", "put", "delete"];

    public static IReadOnlyList<FuzzOperation> Read(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in WriteMethods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }

                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Where(p => p!["in"]!.GetValue<string>() == "path")
                    .Select(p => p!["name"]!.GetValue<string>())
                    .ToList();
                var json = operation["requestBody"]?["content"]?["application/json"];
                var body = json is null ? null : ReadBody(json.AsObject(), schemas);
                operations.Add(new FuzzOperation(operation["operationId"]!.GetValue<string>(), method.ToUpperInvariant(), path, parameters, body));
            }
        }

        return operations;
    }

    private static FuzzBody ReadBody(JsonObject content, JsonObject schemas)
    {
        var schema = Resolve(content["schema"]!.AsObject(), schemas);
        var examples = (content["examples"]?.AsObject() ?? [])
            .Select(e => e.Value!["value"]!.AsObject().DeepClone().AsObject())
            .ToList();
        if (examples.Count == 0)
        {
            examples.Add(SchemaSample.Object(schema, schemas));
        }

        var required = new List<IReadOnlyList<string>>();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var concrete = Concrete(schema, example, schemas);
            required.Add(Strings(concrete["required"]));
            foreach (var (name, property) in concrete["properties"]?.AsObject() ?? [])
            {
                // A name may mean another type in another kind (a run's "model"): allow the union.
                var allowed = TypesOf(Resolve(property!.AsObject(), schemas));
                if (!types.TryAdd(name, [.. allowed]))
                {
                    types[name].UnionWith(allowed);
                }
            }
        }

        return new FuzzBody(examples, required, types.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value, StringComparer.Ordinal));
    }

    /// <summary>The schema that applies to <paramref name="example"/>: the discriminator's mapped one, with its <c>allOf</c> merged.</summary>
    private static JsonObject Concrete(JsonObject schema, JsonObject example, JsonObject schemas)
    {
        if (schema["discriminator"] is JsonObject discriminator
            && example[discriminator["propertyName"]!.GetValue<string>()]?.GetValue<string>() is { } kind
            && discriminator["mapping"]?[kind]?.GetValue<string>() is { } reference)
        {
            schema = Resolve(new JsonObject { ["$ref"] = reference }, schemas);
        }

        return Merge(schema, schemas);
    }

    /// <summary>Properties and required names of the schema and everything it is <c>allOf</c>.</summary>
    public static JsonObject Merge(JsonObject schema, JsonObject schemas)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var part in (schema["allOf"]?.AsArray() ?? []).Select(p => Merge(Resolve(p!.AsObject(), schemas), schemas)).Append(schema))
        {
            foreach (var (name, property) in part["properties"]?.AsObject() ?? [])
            {
                properties[name] = property?.DeepClone();
            }

            foreach (var name in Strings(part["required"]).Where(n => !Strings(required).Contains(n)))
            {
                required.Add(name);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    public static JsonObject Resolve(JsonObject schema, JsonObject schemas)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = schemas[reference["#/components/schemas/".Length..]]!.AsObject();
        }

        return schema;
    }

    /// <summary>The JSON types a schema allows (<c>type</c> as a string or an array, <c>oneOf</c> alternatives); empty when unknown.</summary>
    public static IReadOnlySet<string> TypesOf(JsonObject schema) =>
        schema["type"] switch
        {
            JsonArray many => Strings(many).ToHashSet(StringComparer.Ordinal),
            JsonValue one => new HashSet<string>(StringComparer.Ordinal) { one.GetValue<string>() },
            _ => (schema["oneOf"]?.AsArray() ?? []).SelectMany(o => TypesOf(o!.AsObject())).ToHashSet(StringComparer.Ordinal),
        };

    private static List<string> Strings(JsonNode? array) => (array?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToList();
}
