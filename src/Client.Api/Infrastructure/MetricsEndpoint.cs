using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Silo.Telemetry;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// The Prometheus scrape of the API process. The API's port is the public one, so in <c>Auth:Mode</c> <c>required</c>
/// it needs a key of the reader role (Prometheus sends it as <c>Authorization: Bearer</c>); a silo's internal health
/// port serves its own scrape unauthenticated (docs/security.md).
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapLabMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(LabMeters.ScrapePath)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .RequireAuthorization(LabPolicies.Reader)
            .ExcludeFromDescription();
}
