using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>
/// A polymorphic request is exactly one of its kinds (its discriminator says which), so its alternatives are
/// <c>oneOf</c>, not the <c>anyOf</c> the generator writes. Applied to the finished components, so the
/// alternatives' references are the ones the discriminator's mapping names.
/// </summary>
public sealed class DiscriminatedOneOfTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Discriminator is not null && schema.AnyOf is { Count: > 0 } alternatives)
            {
                schema.OneOf = alternatives;
                schema.AnyOf = null;
            }
        }

        return Task.CompletedTask;
    }
}
