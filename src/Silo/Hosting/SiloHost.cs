using System.Net;
using LabSandbox.Silo.Health;
using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabSandbox.Silo.Hosting;

/// <summary>The silo as a long-running service: what the executable does when no command is named.</summary>
public static class SiloHost
{
    /// <param name="args">Generic-host configuration arguments (<c>--LabSandbox:GatewayPort 30001</c>), passed through untouched.</param>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var options = builder.Configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        // Resolved once, before anything starts: a pod with inconsistent ids or no POD_NAME fails here with the reason.
        var kubernetes = KubernetesHosting.Resolve(builder.Configuration, options);
        builder.Services.AddLabShutdownTimeout(options);
        builder.AddLabTelemetry("labsandbox-silo");
        AddHealthServer(builder, options, kubernetes);
        builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration, kubernetes));
        await builder.Build().RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// The probes' server on <c>LabSandbox:HealthPort</c> (by default only with Kubernetes hosting), bound where the
    /// silo listens: every address in a pod, else the advertised address. Added before Orleans so it starts first.
    /// </summary>
    private static void AddHealthServer(HostApplicationBuilder builder, LabSandboxOptions options, KubernetesHosting kubernetes)
    {
        if (kubernetes.HealthPort(options) is not { } port)
        {
            return;
        }

        var address = kubernetes.ListenOnAnyAddress ? IPAddress.Any : kubernetes.AdvertisedAddress ?? IPAddress.Parse(options.AdvertisedAddress);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>(SiloActiveHealthCheck.Name, tags: [LabHealthProbes.ReadyTag])
            .AddLabPostgresCheck(builder.Configuration)
            .AddLabArtifactStoreCheck();
        builder.Services.AddHostedService(sp => new SiloHealthServer(sp, address, port));
    }
}
