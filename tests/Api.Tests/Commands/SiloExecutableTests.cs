using System.Diagnostics;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Commands;

/// <summary>
/// The built <c>LabSandbox.Silo</c> binary as scripts call it: exit codes and which stream a message goes to.
/// None of these start a silo.
/// </summary>
public sealed class SiloExecutableTests
{
    [Fact]
    public async Task Help_goes_to_stdout_with_exit_code_0()
    {
        var run = await RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("migrate", run.Output, StringComparison.Ordinal);
        Assert.Contains("backtest", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task An_invalid_value_goes_to_stderr_with_exit_code_2()
    {
        var run = await RunAsync(["backtest", "--nsims", "lots"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--nsims must be a whole number from 1 to 100,000,000, not 'lots'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Migrate_without_any_connection_string_is_a_usage_error()
    {
        var run = await RunAsync(["migrate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no connection string", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [RepoPaths.SiloDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.SiloDll)!,
        };
        // The environment must not supply what a test leaves out.
        info.Environment.Remove("ConnectionStrings__LabSandbox");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo binary");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
