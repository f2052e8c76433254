using LabSandbox.Silo.Commands;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Silo.Keys;

/// <summary>
/// The <c>keys</c> command's connection: an Orleans client of the running cluster, configured as the silo host is
/// (appsettings.json and the environment): with <c>ConnectionStrings:LabSandbox</c>, PostgreSQL membership finds the
/// gateways; without it, the local gateway on <c>LabSandbox:GatewayPort</c> — which is also an embedded API's silo.
/// </summary>
public static class KeysCluster
{
    /// <summary>Connects, runs <paramref name="operation"/> and disconnects; exit code 1 with a message when no cluster answers.</summary>
    /// <param name="configure">
    /// Replaces the host's default configuration sources (tests point it at their own cluster); null reads what the
    /// silo host reads.
    /// </param>
    public static async Task<int> RunAsync(
        Action<IConfigurationBuilder>? configure, TextWriter error, Func<IGrainFactory, Task<int>> operation, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = configure is not null });
        configure?.Invoke(builder.Configuration);

        // Stdout carries the new key and the list: the client's own logging would mix into them.
        builder.Logging.ClearProviders();
        var configuration = builder.Configuration;
        var options = configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        var connectionString = configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName);
        var where = string.IsNullOrWhiteSpace(connectionString)
            ? $"the local gateway on port {options.GatewayPort} (LabSandbox:GatewayPort)"
            : "the gateways registered in PostgreSQL (ConnectionStrings:LabSandbox)";
        builder.UseOrleansClient(client => client.UseLabSandboxCluster(configuration));

        using var host = builder.Build();
        try
        {
            // Without a retry filter the client gives up at the first failed connection: a command should answer at once.
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"keys: no cluster reachable at {where}: {e.Message}");
            await error.WriteLineAsync("keys: start the silo (or the API in embedded mode) with the same configuration, then run the command again.");
            return ExitCodes.Failure;
        }

        try
        {
            return await operation(host.Services.GetRequiredService<IClusterClient>());
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
