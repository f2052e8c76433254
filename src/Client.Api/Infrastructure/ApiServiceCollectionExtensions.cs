using LabSandbox.Api.Features.Backtest;
using LabSandbox.Api.Features.Health;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Infrastructure.Hosting;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Silo.Hosting;
using LabSandbox.Silo.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The API's services: security, the cluster (embedded silo or client), telemetry, problem details, JSON, OpenAPI.</summary>
public static class ApiServiceCollectionExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddLabSandboxApi(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Knows the listen addresses now: refuses an open mode on a non-loopback address before anything starts.
        builder.AddLabSecurity();

        // The key ring of the session cookie and antiforgery tokens: in PostgreSQL with a connection string, so every
        // API replica of the service accepts what another issued. Before the cluster, so a missing table is the first
        // thing a start without `migrate` reports.
        builder.AddLabDataProtection();

        builder.AddLabTelemetry("labsandbox-api", t => t.AddAspNetCoreInstrumentation(), m => m.AddAspNetCoreInstrumentation());
        builder.AddLabOrleans();
        builder.AddLabHardening();
        var services = builder.Services;
        services.AddProblemDetails();
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ExceptionStatusCodes.Of);
        services.ConfigureHttpJsonOptions(ApiJsonOptions.Configure);
        services.AddLabOpenApi();
        services.AddLabAudit();
        services.AddBacktestReport();

        var options = builder.Configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        services.AddLabShutdownTimeout(options);
        services.AddLabHealthChecks(builder.Configuration);

        // Artifact bytes are read straight from the store the silos write (PostgreSQL, or a folder they share), not
        // through grain calls; the same settings choose the same store.
        services.AddLabArtifactStore(options, builder.Configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName));
        return builder;
    }
}
