using System.CommandLine;
using System.CommandLine.Help;
using LabSandbox.Silo.Backtest;
using LabSandbox.Silo.Calibration;
using LabSandbox.Silo.Database;
using LabSandbox.Silo.Hosting;
using LabSandbox.Silo.Keys;
using Microsoft.Extensions.Configuration;

namespace LabSandbox.Silo.Commands;

/// <summary>
/// The executable's command line: <c>migrate</c>, <c>backtest</c>, <c>field-calibration</c> and <c>keys</c> run and exit; no command runs the silo
/// host, which reads the rest of the line as configuration (<c>--LabSandbox:GatewayPort 30001</c>). Any
/// command-line mistake prints what is wrong on stderr and exits with <see cref="ExitCodes.UsageError"/>.
/// </summary>
public static class SiloCommandLine
{
    public const string ExecutableName = "LabSandbox.Silo";

    /// <summary>Where to look next, after a usage error.</summary>
    public static string HelpHint(string? command) =>
        $"Run '{ExecutableName}{(command is null ? "" : " " + command)} --help' for usage.";

    /// <param name="runHost">What runs the silo host with the configuration arguments; tests pass a stand-in.</param>
    /// <param name="keysConfiguration">Where <c>keys</c> finds the cluster; tests pass their own, null reads the host's.</param>
    public static RootCommand Create(Func<string[], CancellationToken, Task<int>>? runHost = null, Action<IConfigurationBuilder>? keysConfiguration = null)
    {
        runHost ??= SiloHost.RunAsync;
        var root = new RootCommand("""
            LabSandbox silo. Without a command it runs the silo host, and the additional arguments are host
            configuration (--Key value or --Key=value, e.g. --LabSandbox:GatewayPort 30001), read along with
            appsettings.json and the environment (LabSandbox__GatewayPort, ConnectionStrings__LabSandbox).
            A command runs and exits instead.
            """)
        {
            MigrateCommand.Create(),
            BacktestCommand.Create(),
            FieldCalibrationCommand.Create(),
            KeysCommand.Create(keysConfiguration),
        };

        // The host's configuration arguments are no options of ours, so the parser must let them through; the
        // library applies this to every command, which is why InvokeAsync rejects leftovers of a named command.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var tokens = parseResult.UnmatchedTokens;
            if (HostArguments.Problems(tokens) is { Count: > 0 } problems)
            {
                return await UsageErrorAsync(parseResult.InvocationConfiguration.Error, null, problems);
            }

            return await runHost([.. tokens], cancellationToken);
        });
        return root;
    }

    /// <summary>Parses and runs the command line; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        Func<string[], CancellationToken, Task<int>>? runHost = null,
        Action<IConfigurationBuilder>? keysConfiguration = null)
    {
        var root = Create(runHost, keysConfiguration);
        // Arguments reach the host verbatim: a value starting with '@' is not a response file here.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // The host handles SIGTERM itself (graceful silo shutdown takes as long as it takes), and a crash
            // must surface as it did before, not as the library's generic handler.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        var command = parseResult.CommandResult.Command;
        var named = command == root ? null : command.Name;
        var problems = parseResult.Errors.Select(e => e.Message).ToList();
        if (named is not null)
        {
            problems.AddRange(parseResult.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'."));
        }

        // Help and version win over mistakes elsewhere on the line, as they do in the library itself.
        var version = root.Options.OfType<VersionOption>().Single();
        var asksForInformation = parseResult.Action is HelpAction || parseResult.Action == version.Action;
        if (problems.Count > 0 && !asksForInformation)
        {
            return await UsageErrorAsync(invocation.Error, named, problems);
        }

        return await parseResult.InvokeAsync(invocation);
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string? command, IEnumerable<string> problems)
    {
        foreach (var problem in problems.Distinct(StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"{ExecutableName}{(command is null ? "" : " " + command)}: {problem}");
        }

        await error.WriteLineAsync(HelpHint(command));
        return ExitCodes.UsageError;
    }
}
