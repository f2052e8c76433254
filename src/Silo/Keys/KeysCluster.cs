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
    /// <summary>How long the command waits for a gateway to accept it.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

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
        // Without a retry filter the client gives up at the first failed connection, but that failure alone takes the
        // client minutes to conclude: a command should answer within seconds.
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connecting.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : e.Message;
            await error.WriteLineAsync($"keys: no cluster reachable at {where}: {why}");
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
