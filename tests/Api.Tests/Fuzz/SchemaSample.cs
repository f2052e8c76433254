using System.Text.Json.Nodes;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>A plausible value for a schema, for a body the document gives no example of: every property, first enum value, small numbers.</summary>
public static class SchemaSample
{
    public static JsonObject Object(JsonObject schema, JsonObject schemas) =>
        Value(OpenApiOperations.Merge(OpenApiOperations.Resolve(schema, schemas), schemas), schemas, 0) as JsonObject ?? [];

    private static JsonNode? Value(JsonObject schema, JsonObject schemas, int depth)
    {
        schema = OpenApiOperations.Resolve(schema, schemas);
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        var types = OpenApiOperations.TypesOf(schema);
        if (schema["properties"] is not null || schema["allOf"] is not null || types.Contains("object"))
        {
            var merged = OpenApiOperations.Merge(schema, schemas);
            var result = new JsonObject();
            if (depth < 4)
            {
                foreach (var (name, property) in merged["properties"]!.AsObject())
                {
                    result[name] = Value(property!.AsObject(), schemas, depth + 1);
                }
            }

            return result;
        }

        return types switch
        {
            _ when types.Contains("array") => new JsonArray(schema["items"] is JsonObject items && depth < 4 ? Value(items, schemas, depth + 1) : null),
            _ when types.Contains("string") => "sample",
            _ when types.Contains("integer") => 1,
            _ when types.Contains("number") => 1.5,
            _ when types.Contains("boolean") => true,
            _ => null,
        };
    }
}
