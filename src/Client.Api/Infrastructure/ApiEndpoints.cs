using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Audit;
using LabSandbox.Api.Features.Backtest;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Health;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Infrastructure.Idempotency;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Security;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The API's pipeline and endpoints.</summary>
public static class ApiEndpoints
{
    /// <summary>
    /// Every feature's endpoints, the OpenAPI document and its reference page (the middleware is
    /// <see cref="LabPipeline.UseLabSandboxPipeline"/>'s). Each feature names the role its routes need; health and the
    /// documentation are open.
    /// </summary>
    public static WebApplication MapLabSandboxApi(this WebApplication app)
    {
        // Any endpoint may meet a cluster that is momentarily unavailable; any POST under /api/v1 an Idempotency-Key conflict.
        var api = app.MapGroup(string.Empty).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ((IEndpointConventionBuilder)api).Finally(IdempotencyKeyProblems.Document);
        ((IEndpointConventionBuilder)api).Finally(AuthResponses.Document);
        api.ValidateRouteIds();
        api.MapHealthApi();
        api.MapDatasetsApi();
        api.MapRunsApi();
        api.MapArtifactsApi();
        api.MapLabApi();
        api.MapSyntheticCalcuttasApi();
        api.MapCohortsApi();
        api.MapExperimentsApi();
        api.MapBacktestApi();
        api.MapAuditApi();
        app.MapLabOpenApi();
        app.MapLabMetrics();
        return app;
    }

    /// <summary>The machine-facing paths (API, OpenAPI document, health, metrics); everything else is the web UI's.</summary>
    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments(LabSandbox.Silo.Telemetry.LabMeters.ScrapePath);
}
