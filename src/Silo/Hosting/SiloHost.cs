using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.Hosting;

namespace LabSandbox.Silo.Hosting;

/// <summary>The silo as a long-running service: what the executable does when no command is named.</summary>
public static class SiloHost
{
    /// <param name="args">Generic-host configuration arguments (<c>--LabSandbox:GatewayPort 30001</c>), passed through untouched.</param>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddLabTelemetry("labsandbox-silo");
        builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration));
        await builder.Build().RunAsync(cancellationToken);
        return 0;
    }
}
