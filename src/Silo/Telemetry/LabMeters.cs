using LabSandbox.Grains.Common;
using OpenTelemetry.Metrics;

namespace LabSandbox.Silo.Telemetry;

/// <summary>
/// The meters every LabSandbox process exports (docs/observability.md, "Metrics") and the Prometheus scrape path. The
/// exporter is pull-only: it costs nothing until <see cref="ScrapePath"/> is mapped and scraped; OTLP is unaffected.
/// </summary>
public static class LabMeters
{
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// The project's meter; Orleans' (messaging, grains, catalog…); Npgsql's (connections, commands); ASP.NET Core's
    /// built-in meters, present wherever a web server runs (the API, a silo's health port).
    /// </summary>
    public static readonly string[] Names =
    [
        LabDiagnostics.Name,
        "Microsoft.Orleans",
        "Npgsql",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    public static MeterProviderBuilder AddLabMeters(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(Names).AddRuntimeInstrumentation().AddPrometheusExporter();
}
