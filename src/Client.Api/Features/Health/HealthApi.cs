using System.Security.Claims;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Silo.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabSandbox.Api.Features.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous()
            .WithSummary("Readiness")
            .WithDescription("Ready when the cluster answers a grain call within two seconds (with the number of imported tournaments and pools); 503 otherwise.");
        app.MapGet(LabHealthProbes.LivePath, GetLive).WithName("HealthLive").WithTags("Health").AllowAnonymous()
            .Produces<HealthStatusResponse>().Produces<HealthStatusResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Liveness probe")
            .WithDescription("Healthy whenever the process answers HTTP; runs no check (an orchestrator restarts a process that stops answering). `checks` only for the admin role.");
        app.MapGet(LabHealthProbes.ReadyPath, GetReady).WithName("HealthReady").WithTags("Health").AllowAnonymous()
            .Produces<HealthStatusResponse>().Produces<HealthStatusResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Readiness probe")
            .WithDescription("Healthy when the cluster answers a grain call within two seconds, the artifact store takes a write and, when a connection string is configured, PostgreSQL answers; 503 otherwise. Each check's outcome (`checks`) only for the admin role; anyone else gets the status alone.");
        return app;
    }

    /// <summary>Ready when the cluster answers a grain call within two seconds.</summary>
    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealth(IClusterClient cluster, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()
                .WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return TypedResults.Ok(new HealthResponse("healthy", catalog.TournamentIds.Count, catalog.CalcuttaIds.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy",
                detail: $"The cluster did not answer within two seconds ({ex.GetType().Name}).");
        }
    }

    /// <summary>The process answers.</summary>
    private static async Task<JsonHttpResult<HealthStatusResponse>> GetLive(HealthCheckService health, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Json(await LabHealthProbes.LiveAsync(health, IsAdmin(user), cancellationToken));

    /// <summary>The cluster, the artifact store and (when configured) PostgreSQL answer.</summary>
    private static async Task<JsonHttpResult<HealthStatusResponse>> GetReady(HealthCheckService health, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Json(await LabHealthProbes.ReadyAsync(health, IsAdmin(user), cancellationToken));

    /// <summary>The probes are anonymous, but a request with a key or session is still authenticated (the local admin in local mode).</summary>
    private static bool IsAdmin(ClaimsPrincipal user) => LabPolicies.Allows(LabPrincipals.RoleOf(user), LabPolicies.Admin);

    private static JsonHttpResult<HealthStatusResponse> Json((int StatusCode, HealthStatusResponse Body) outcome) =>
        TypedResults.Json(outcome.Body, statusCode: outcome.StatusCode);
}
