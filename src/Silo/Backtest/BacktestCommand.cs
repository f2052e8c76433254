using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LabSandbox.Grains;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Sandbox;
using LabSandbox.Silo.Commands;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// <c>LabSandbox.Silo backtest</c>: runs the backtest on an in-process silo with in-memory storage (whatever
/// the environment's connection string says) and writes the table.
/// </summary>
public static class BacktestCommand
{
    public static Command Create()
    {
        var nsims = new Option<long>("--nsims")
        {
            Description = "Simulations per year.",
            HelpName = "N",
            DefaultValueFactory = _ => BacktestOptions.DefaultNSims,
            CustomParser = result => OptionParsing.WholeNumber(result, 1, BacktestOptions.MaxNSims),
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every simulation.",
            HelpName = "S",
            DefaultValueFactory = _ => BacktestOptions.DefaultSeed,
            CustomParser = result => OptionParsing.WholeNumber(result, 0, long.MaxValue),
        };
        var output = new Option<string>("--output")
        {
            Description = "Where to write the Markdown table.",
            HelpName = "PATH",
            DefaultValueFactory = _ => BacktestOptions.DefaultOutputPath,
        };
        output.Validators.Add(result => OptionParsing.MustNameAFile(result, "--output"));
        var reportJson = new Option<string>("--report-json")
        {
            Description = "Where to write the report as canonical JSON (the document the API serves).",
            HelpName = "PATH",
            DefaultValueFactory = _ => BacktestOptions.DefaultReportJsonPath,
        };
        reportJson.Validators.Add(result => OptionParsing.MustNameAFile(result, "--report-json"));

        var command = new Command("backtest", """
            Writes the backtest (Markdown and canonical JSON): for each strategy (naive_ev, ridge, oracle dp-v1; the
            experiments when field models are wired; the excluded real entry; the field average), its entry in the seat of
            every real pool's lab_excluded_entry: expected payout under sigma 10 (cohort runs), realized payout in the real
            tournament, and expected payout under sigma 7 and 13. Runs an in-process silo and needs no database. Live
            progress on a terminal, plain lines otherwise. Exit codes: 0 written, 1 failed, 2 usage.
            """)
        {
            nsims,
            seed,
            output,
            reportJson,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var invocation = parseResult.InvocationConfiguration;
            var options = new BacktestOptions(
                parseResult.GetValue(nsims), parseResult.GetValue(seed), parseResult.GetValue(output)!, parseResult.GetValue(reportJson)!);
            // A live display only where it can redraw: the real console, on a terminal.
            var live = ReferenceEquals(invocation.Output, Console.Out) && LiveBacktestProgress.IsSupported;
            return RunAsync(options, invocation.Output, invocation.Error, live, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(BacktestOptions options, TextWriter output, TextWriter error, bool live, CancellationToken cancellationToken)
    {
        var artifactRoot = Path.Combine(Path.GetTempPath(), $"labsandbox-backtest-{Environment.ProcessId}");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + LabSandboxOptions.ConnectionStringName] = "",
            ["LabSandbox:ClusterId"] = "labsandbox-backtest",
            ["LabSandbox:ServiceId"] = "labsandbox-backtest",
            ["LabSandbox:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["LabSandbox:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["LabSandbox:ArtifactRoot"] = artifactRoot,
            // In memory like the rest of this throwaway silo, whatever LabSandbox__ArtifactStore the shell exports.
            ["LabSandbox:ArtifactStore"] = "folder",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A private in-process silo: never Kubernetes-hosted, even when the command runs in a silo pod.
        builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration, KubernetesHosting.Disabled));
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
                return ExitCodes.Failure;
            }

            var runner = host.Services.GetRequiredService<BacktestRunner>();
            var years = live
                ? await LiveBacktestProgress.RunAsync(progress => runner.RunAsync(options, progress, cancellationToken))
                : await runner.RunAsync(options, new PlainBacktestProgress(output), cancellationToken);
            var report = BacktestDocument.Build(options, years);
            await WriteAsync(options.ReportJsonPath, CanonicalJson.Serialize(report) + "\n");
            await output.WriteLineAsync($"wrote {options.ReportJsonPath}");
            await WriteAsync(options.OutputPath, BacktestReport.Render(report));
            await output.WriteLineAsync($"wrote {options.OutputPath}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is InvalidOperationException or RunStepException)
        {
            await error.WriteLineAsync($"backtest failed: {ex.Message}");
            return ExitCodes.Failure;
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

    private static async Task WriteAsync(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
