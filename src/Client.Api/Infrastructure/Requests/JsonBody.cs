using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;

namespace LabSandbox.Api.Infrastructure.Requests;

/// <summary>
/// A request body of the typed request record <typeparamref name="TRequest"/>: the record is the body's documented
/// schema (OpenAPI), and the body travels as sent, as JSON text, to the grain that applies it. Why not bind the
/// record itself: the grains read the JSON field by field, so every bad field — wrong type, out of range, unknown —
/// is named at once with its own message, alongside the problems only the cluster can find (an unknown pool, an
/// artifact that does not fit); an absent field stays distinct from an explicit null; and ids derived from a body
/// hash exactly what was sent.
/// </summary>
public sealed class JsonBody<TRequest> : IBindableFromHttpContext<JsonBody<TRequest>>, IEndpointParameterMetadataProvider
    where TRequest : class
{
    private JsonBody(string json) => Json = json;

    /// <summary>The body, a JSON object, as text.</summary>
    public string Json { get; }

    /// <summary>
    /// Reads the body. Without a JSON content type it is a 415; anything but a JSON object binds nothing, which the
    /// endpoint answers with a 400 before the handler runs (as for any malformed JSON body).
    /// </summary>
    public static async ValueTask<JsonBody<TRequest>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) is JsonObject body
                ? new JsonBody<TRequest>(body.ToJsonString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Documents <typeparamref name="TRequest"/> as the endpoint's required JSON body.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(TRequest)));
}
