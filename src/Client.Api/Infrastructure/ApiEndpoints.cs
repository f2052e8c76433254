using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Health;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Infrastructure.Idempotency;
using LabSandbox.Api.Infrastructure.OpenApi;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The API's pipeline and endpoints.</summary>
public static class ApiEndpoints
{
    /// <summary>
    /// The hardened surface first (security headers, CORS, the body cap: see <see cref="HardeningExtensions.UseLabHardening"/>),
    /// problem details for exceptions and bare status codes, then <c>Idempotency-Key</c> (after both, so a thrown request
    /// releases its key before the 500), then every feature's endpoints, the OpenAPI document and its reference page.
    /// </summary>
    public static WebApplication MapLabSandboxApi(this WebApplication app)
    {
        app.UseLabHardening();
        app.UseExceptionHandler();
        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseIdempotencyKeys();

        // Any endpoint may meet a cluster that is momentarily unavailable; any POST under /api/v1 an Idempotency-Key conflict.
        var api = app.MapGroup(string.Empty).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ((IEndpointConventionBuilder)api).Finally(IdempotencyKeyProblems.Document);
        api.ValidateRouteIds();
        api.MapHealthApi();
        api.MapDatasetsApi();
        api.MapRunsApi();
        api.MapArtifactsApi();
        api.MapLabApi();
        api.MapSyntheticCalcuttasApi();
        api.MapCohortsApi();
        api.MapExperimentsApi();
        app.MapLabOpenApi();
        return app;
    }

    /// <summary>The machine-facing paths (API, OpenAPI document, health); everything else is the web UI's.</summary>
    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments("/health");
}
