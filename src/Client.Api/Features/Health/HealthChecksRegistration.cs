using LabSandbox.Silo.Health;

namespace LabSandbox.Api.Features.Health;

public static class HealthChecksRegistration
{
    /// <summary>The API's readiness checks: the cluster answers, the artifact store takes a write, and PostgreSQL answers when a connection string is set.</summary>
    public static IServiceCollection AddLabHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterAnswersHealthCheck>(ClusterAnswersHealthCheck.Name, tags: [LabHealthProbes.ReadyTag])
            .AddLabPostgresCheck(configuration)
            .AddLabArtifactStoreCheck();
        return services;
    }
}
