using System.Net;
using LabSandbox.Silo.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace LabSandbox.Silo.Health;

/// <summary>
/// A small Kestrel server on its own port inside the standalone silo host, serving only the two probes and the Prometheus scrape. It is a
/// separate web application so the silo host stays a plain generic host (no web server unless a health port is
/// set), and the embedded silo inside the API never gets one. Registered before Orleans, so it answers
/// <c>/health/live</c> while the silo is still joining (and <c>/health/ready</c> with 503 until it is Active).
/// </summary>
public sealed class SiloHealthServer(IServiceProvider siloServices, IPAddress address, int port) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        // Exactly one endpoint, whatever ASPNETCORE_URLS or --urls say for other hosts in the same environment.
        builder.WebHost.UseKestrel(k => k.Listen(address, port));
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        app = builder.Build();
        var health = siloServices.GetRequiredService<HealthCheckService>();
        // Two parameters, not (HttpContext) => ...: that lambda would bind as a RequestDelegate and drop the returned result.
        app.MapGet(LabHealthProbes.LivePath, async (HttpContext context, CancellationToken cancellation) =>
            Write(await LabHealthProbes.LiveAsync(health, IsLoopback(context), cancellation)));
        app.MapGet(LabHealthProbes.ReadyPath, async (HttpContext context, CancellationToken cancellation) =>
            Write(await LabHealthProbes.ReadyAsync(health, IsLoopback(context), cancellation)));

        // The silo's meters live in the silo host's provider, not this app's; the port is internal, like the probes: unauthenticated.
        if (siloServices.GetService<MeterProvider>() is { } meters)
        {
            app.MapPrometheusScrapingEndpoint(LabMeters.ScrapePath, meters, configureBranchedPipeline: null, optionsName: null);
        }

        await app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// This port has no sign-in, so the per-check detail goes only to callers on the pod or machine itself
    /// (<c>kubectl exec</c>, <c>kubectl port-forward</c>): whoever can do that can read the logs anyway.
    /// </summary>
    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    private static IResult Write((int StatusCode, HealthStatusResponse Body) outcome) =>
        Results.Json(outcome.Body, statusCode: outcome.StatusCode);
}
