using LabSandbox.Api.Infrastructure.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every POST under <c>/api/v1</c> (see <see cref="IdempotencyKeyMiddleware"/>).</summary>
public sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod != HttpMethods.Post || description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"1–{IdempotencyKeyHeader.MaxLength} printable ASCII characters. The same key with the same request replays the "
                + "first response (marked `Idempotent-Replayed: true`); with another request it is a 422; while the first is in progress, a 409 with Retry-After.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyHeader.MaxLength },
        });
        return Task.CompletedTask;
    }
}
