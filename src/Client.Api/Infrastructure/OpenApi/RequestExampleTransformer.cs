using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>
/// Writes an endpoint's <see cref="RequestExamples"/> into its JSON request body, serialized as the body's declared
/// type (so a polymorphic request carries its <c>kind</c>) with the API's JSON options, leaving out absent fields.
/// </summary>
public sealed class RequestExampleTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private readonly JsonSerializerOptions _options = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var examples = metadata.OfType<RequestExamples>().FirstOrDefault();
        var bodyType = metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
        if (examples is null || bodyType is null || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true)
        {
            return Task.CompletedTask;
        }

        media!.Examples = examples.Items.ToDictionary(
            e => e.Name,
            e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonSerializer.SerializeToNode(e.Value, bodyType, _options) });
        return Task.CompletedTask;
    }
}
