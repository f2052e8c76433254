using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LabSandbox.Browser.Tests.Infrastructure;

/// <summary>
/// Creates an API key for a running lab as an admin does: the silo host's <c>keys create --name NAME --role ROLE</c>,
/// pointed at the lab's embedded silo gateway on loopback, which prints the new key once.
/// </summary>
public static partial class LabKeys
{
    // Without ConnectionStrings__LabSandbox the command reaches the local gateway on LabSandbox__GatewayPort: the
    // lab's embedded silo (KeysCluster). The process inherits the test's environment: the connection string goes.
    public static async Task<string> CreateAsync(LabProcess lab, string name, string role)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepoPaths.SiloDll, "keys", "create", "--name", name, "--role", role })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LabSandbox__GatewayPort"] = lab.GatewayPort.ToString();
        info.Environment.Remove("ConnectionStrings__LabSandbox");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var printed = await stdout;
        var match = KeyPattern().Match(printed);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"keys create --name {name} --role {role} exited with {process.ExitCode}:\n{await stderr}");
        }

        return match.Value;
    }

    [GeneratedRegex("lsk_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
