using Scalar.AspNetCore;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>The OpenAPI 3.1 document (<c>/openapi/v1.json</c>) and its interactive reference page (<c>/api/docs</c>).</summary>
public static class LabOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddLabOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<LabDocumentTransformer>();
            options.AddDocumentTransformer<DiscriminatorInheritanceTransformer>();
            options.AddOperationTransformer<RequestExampleTransformer>();
            options.AddOperationTransformer<IdempotencyKeyTransformer>();
        });

    /// <summary>Scalar's page and script come from its package (embedded assets), so the reference works offline.</summary>
    public static IEndpointRouteBuilder MapLabOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options => options.WithTitle("LabSandbox API"));
        return app;
    }
}
