using System.Net;
using System.Net.Sockets;
using LabSandbox.Grains;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// <c>LabSandbox.Silo backtest</c>: runs the backtest on an in-process silo with in-memory storage (whatever
/// the environment's connection string says) and writes the table. See <see cref="BacktestOptions.Usage"/>.
/// </summary>
public static class BacktestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (BacktestOptions.Parse(args, error) is not { } options)
        {
            return 2;
        }

        var artifactRoot = Path.Combine(Path.GetTempPath(), $"labsandbox-backtest-{Environment.ProcessId}");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + LabSandboxOptions.ConnectionStringName] = "",
            ["LabSandbox:ClusterId"] = "labsandbox-backtest",
            ["LabSandbox:ServiceId"] = "labsandbox-backtest",
            ["LabSandbox:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LabSandbox:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LabSandbox:ArtifactRoot"] = artifactRoot,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration));
        builder.Services.AddRunKinds();
        builder.Services.AddSingleton<BacktestRunner>();

        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
            if (catalog.CalcuttaIds.Count == 0)
            {
                await error.WriteLineAsync("No real pools were imported.");
                return 1;
            }

            var years = await host.Services.GetRequiredService<BacktestRunner>().RunAsync(options, output, CancellationToken.None);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
            await File.WriteAllTextAsync(options.OutputPath, BacktestReport.Render(options, years));
            await output.WriteLineAsync($"wrote {options.OutputPath}");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or RunStepException)
        {
            await error.WriteLineAsync($"backtest failed: {ex.Message}");
            return 1;
        }
        finally
        {
            await host.StopAsync();
            if (Directory.Exists(artifactRoot))
            {
                Directory.Delete(artifactRoot, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
