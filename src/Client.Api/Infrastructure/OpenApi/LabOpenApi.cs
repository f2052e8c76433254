using LabSandbox.Api.Infrastructure.Security;
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
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
        });

    /// <summary>
    /// Scalar's page and script come from its package (embedded assets), so the reference works offline; its hosted
    /// extras (telemetry, the AI agent, the developer-tools bar with its cloud links, the fonts from its CDN) are off:
    /// they would call out of a lab that may have no network, send nothing a user asked for, and the page's
    /// Content-Security-Policy refuses them anyway.
    /// </summary>
    public static IEndpointRouteBuilder MapLabOpenApi(this IEndpointRouteBuilder app)
    {
        // The contract is public: reading it needs no key.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.Title = "LabSandbox API";
            options.Telemetry = false;
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.DefaultFonts = false;

            // A fresh nonce on the page's script tags per request: the reference page's CSP allows just those (SecurityHeaders).
            options.WithNonce();
        }).AllowAnonymous();
        return app;
    }
}
