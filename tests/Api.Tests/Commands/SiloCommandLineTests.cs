using LabSandbox.Silo.Commands;
using Xunit;

namespace LabSandbox.Api.Tests.Commands;

/// <summary>
/// The silo's command line, parsed and invoked in-process with a stand-in for the silo host: help, usage errors
/// (exit 2, a message on stderr naming the culprit) and host configuration arguments reaching the host untouched.
/// </summary>
public sealed class SiloCommandLineTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { "migrate", "backtest", "--help", "--version", "--LabSandbox:GatewayPort" })]
    [InlineData(new[] { "-h" }, new[] { "migrate", "backtest" })]
    [InlineData(new[] { "migrate", "--help" }, new[] { " migrate [options]", "--connection", "ConnectionStrings__LabSandbox" })]
    [InlineData(new[] { "backtest", "--help" }, new[] { " backtest [options]", "--nsims", "--seed", "--output", "--report-json", "100000", "2025" })]
    [InlineData(new[] { "backtest", "--bogus", "--help" }, new[] { "--nsims" })]
    [InlineData(new[] { "field-calibration", "--help" }, new[] { " field-calibration [options]", "--fields", "--nsims", "--seed", "--output", "2000", "100000", "2025" })]
    public async Task Help_exits_0_and_lists_the_commands_and_options(string[] args, string[] expected)
    {
        var run = await InvokeAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.All(expected, text => Assert.Contains(text, run.Output, StringComparison.Ordinal));
        Assert.Equal("", run.Error);
        Assert.Null(run.HostArgs);
    }

    [Theory]
    [InlineData(new[] { "backtest", "--bogus" }, "'--bogus'")]
    [InlineData(new[] { "backtest", "ridge" }, "'ridge'")]
    [InlineData(new[] { "migrate", "--connection", "Host=x", "--verbose" }, "'--verbose'")]
    [InlineData(new[] { "migrat" }, "'migrat'")]
    [InlineData(new[] { "-x" }, "'-x'")]
    public async Task An_unknown_option_or_command_is_a_usage_error_naming_it(string[] args, string culprit)
    {
        var run = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Unrecognized command or argument " + culprit, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Null(run.HostArgs);
    }

    [Theory]
    [InlineData(new[] { "backtest", "--nsims", "abc" }, "--nsims must be a whole number from 1 to 100,000,000, not 'abc'")]
    [InlineData(new[] { "backtest", "--nsims", "0" }, "--nsims must be a whole number from 1 to 100,000,000, not '0'")]
    [InlineData(new[] { "backtest", "--nsims", "100000001" }, "--nsims must be a whole number from 1 to 100,000,000")]
    [InlineData(new[] { "backtest", "--nsims=1.5" }, "--nsims must be a whole number")]
    [InlineData(new[] { "backtest", "--seed", "-1" }, "--seed must be a whole number 0 or more, not '-1'")]
    [InlineData(new[] { "backtest", "--output", " " }, "--output must name a file")]
    [InlineData(new[] { "backtest", "--report-json", "" }, "--report-json must name a file")]
    [InlineData(new[] { "field-calibration", "--fields", "0" }, "--fields must be a whole number from 1 to 1,000,000, not '0'")]
    [InlineData(new[] { "field-calibration", "--output", " " }, "--output must name a file")]
    [InlineData(new[] { "backtest", "--nsims" }, "'--nsims'")]
    [InlineData(new[] { "migrate", "--connection" }, "'--connection'")]
    [InlineData(new[] { "--LabSandbox:GatewayPort" }, "'--LabSandbox:GatewayPort' has no value")]
    public async Task A_missing_or_invalid_value_is_a_usage_error_that_says_what_is_expected(string[] args, string message)
    {
        var run = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Null(run.HostArgs);
    }

    [Theory]
    [InlineData]
    [InlineData("--LabSandbox:GatewayPort", "30001")]
    [InlineData("--LabSandbox:SiloPort=11112", "LabSandbox:ClusterId=lab", "/LabSandbox:Mode", "silo")]
    [InlineData("--ConnectionStrings:LabSandbox", "Host=127.0.0.1;Port=5432;Database=lab", "--Logging:LogLevel:Default", "Warning")]
    [InlineData("--LabSandbox:ArtifactRoot", "@artifacts", "--LabSandbox:Note", "-starts-with-a-dash")]
    public async Task Without_a_command_the_host_runs_with_its_configuration_arguments_untouched(params string[] args)
    {
        var run = await InvokeAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(args, run.HostArgs);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task The_host_exit_code_is_the_process_exit_code()
    {
        var error = new StringWriter();

        var exitCode = await SiloCommandLine.InvokeAsync(["--LabSandbox:GatewayPort", "30001"], TextWriter.Null, error, (_, _) => Task.FromResult(3));

        Assert.Equal(3, exitCode);
    }

    private static async Task<Invocation> InvokeAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[]? hostArgs = null;
        var exitCode = await SiloCommandLine.InvokeAsync(args, output, error, (received, _) =>
        {
            hostArgs = received;
            return Task.FromResult(0);
        });
        return new Invocation(exitCode, output.ToString(), error.ToString(), hostArgs);
    }

    private sealed record Invocation(int ExitCode, string Output, string Error, string[]? HostArgs);
}
