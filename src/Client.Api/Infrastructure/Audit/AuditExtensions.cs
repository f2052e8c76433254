using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Api.Infrastructure.Audit;

public static class AuditExtensions
{
    /// <summary>The audit trail (<see cref="IAuditTrail"/>), for the middleware and the web UI's handlers.</summary>
    public static IServiceCollection AddLabAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditTrail, GrainAuditTrail>();
        return services;
    }

    /// <summary>Records accepted API writes (see <see cref="AuditMiddleware"/>): add it after <c>UseIdempotencyKeys()</c>.</summary>
    public static IApplicationBuilder UseLabAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
