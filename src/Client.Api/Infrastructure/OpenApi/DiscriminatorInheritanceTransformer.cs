using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents a polymorphic request (a <c>[JsonPolymorphic]</c> record, e.g. a run request by <c>kind</c>) as OpenAPI's
/// discriminator inheritance: an abstract base schema that declares the discriminator (its values, and the mapping to
/// each kind's schema), and one schema per kind that is <c>allOf</c> the base and the kind's own fields.
/// </summary>
/// <remarks>
/// Why not the generator's <c>anyOf</c>/<c>oneOf</c> of the kinds: client generators of the NJsonSchema family (NSwag)
/// turn a <c>oneOf</c> body into its first alternative only, so a client could send just one kind. The inheritance form
/// is the one they map to an abstract class with a subclass per kind and a discriminator converter, and it is plain
/// OpenAPI 3.1 (the specification's own discriminator example). <c>x-abstract</c> is NJsonSchema's marker that the base
/// is never sent alone. (Kiota reads <c>oneOf</c>, but switching would replace the whole client, its tool and runtime
/// packages, for this one body.)
/// The wire JSON is unchanged: the same <c>kind</c> and fields, read by the same polymorphic record.
/// Applied to the finished components, so the kinds' references are the ones the discriminator's mapping names.
/// </remarks>
public sealed class DiscriminatorInheritanceTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        var polymorphic = schemas?.Where(s => s.Value is OpenApiSchema { Discriminator.PropertyName: not null, AnyOf.Count: > 0 }).ToList() ?? [];
        foreach (var (baseId, value) in polymorphic)
        {
            var baseSchema = (OpenApiSchema)value;
            var discriminator = baseSchema.Discriminator!.PropertyName!;
            foreach (var kindId in baseSchema.AnyOf!.OfType<OpenApiSchemaReference>().Select(r => r.Reference.Id!))
            {
                // The kind's own fields; its discriminator now comes from the base.
                var kind = (OpenApiSchema)schemas![kindId];
                kind.Properties?.Remove(discriminator);
                kind.Type = JsonSchemaType.Object;
                schemas[kindId] = new OpenApiSchema { AllOf = [new OpenApiSchemaReference(baseId, document), kind] };
            }

            baseSchema.AnyOf = null;
            baseSchema.Type = JsonSchemaType.Object;
            baseSchema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                [discriminator] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. baseSchema.Discriminator.Mapping?.Keys.Select(k => (JsonNode)JsonValue.Create(k)) ?? []],
                },
            };
            baseSchema.Required = new HashSet<string> { discriminator };
            baseSchema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            baseSchema.Extensions["x-abstract"] = new JsonNodeExtension(JsonValue.Create(true));
        }

        return Task.CompletedTask;
    }
}
