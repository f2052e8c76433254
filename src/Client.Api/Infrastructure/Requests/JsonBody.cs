using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Infrastructure.Hardening;
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
    /// Reads the body. Without a JSON content type it is a 415; a body that is not UTF-8, not JSON, nested deeper
    /// than <see cref="HardeningOptions.MaxJsonDepth"/>, not an object, or holding a string no JSON reader can decode
    /// is a 400 saying which (see <see cref="JsonBodyText"/>); the handler never runs.
    /// </summary>
    public static async ValueTask<JsonBody<TRequest>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new ClientInputException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        var bytes = await JsonBodyText.ReadAsync(context.Request.Body, context.RequestAborted);
        JsonBodyText.Validate(bytes);
        try
        {
            return JsonNode.Parse(bytes, documentOptions: JsonBodyText.DocumentOptions) is JsonObject body
                ? new JsonBody<TRequest>(body.ToJsonString())
                : throw new ClientInputException("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ClientInputException($"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Documents <typeparamref name="TRequest"/> as the endpoint's required JSON body.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(TRequest)));
}
