using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous()
            .WithSummary("Readiness")
            .WithDescription("Ready when the cluster answers a grain call within two seconds (with the number of imported tournaments and pools); 503 otherwise.");
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
}
