using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Audit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Health;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Idempotency;
using LabSandbox.Api.Infrastructure.OpenApi;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The API's pipeline and endpoints.</summary>
public static class ApiEndpoints
{
    /// <summary>
    /// Problem details for exceptions and bare status codes, then <c>Idempotency-Key</c> (after both, so a thrown request
    /// releases its key before the 500), then the audit trail's recorder (inside idempotency, so a replay adds no row),
    /// then every feature's endpoints, the OpenAPI document and its reference page.
    /// </summary>
    public static WebApplication MapLabSandboxApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseIdempotencyKeys();
        app.UseLabAudit();

        // Any endpoint may meet a cluster that is momentarily unavailable; any POST under /api/v1 an Idempotency-Key conflict.
        var api = app.MapGroup(string.Empty).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ((IEndpointConventionBuilder)api).Finally(IdempotencyKeyProblems.Document);
        api.MapHealthApi();
        api.MapDatasetsApi();
        api.MapRunsApi();
        api.MapArtifactsApi();
        api.MapLabApi();
        api.MapSyntheticCalcuttasApi();
        api.MapCohortsApi();
        api.MapExperimentsApi();
        api.MapAuditApi();
        app.MapLabOpenApi();
        return app;
    }

    /// <summary>The machine-facing paths (API, OpenAPI document, health); everything else is the web UI's.</summary>
    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments("/health");
}
