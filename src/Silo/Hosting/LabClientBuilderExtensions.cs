using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace LabSandbox.Silo.Hosting;

public static class LabClientBuilderExtensions
{
    /// <summary>
    /// Points an Orleans client at the cluster the silos of this configuration form: with <c>ConnectionStrings:LabSandbox</c>
    /// the gateways registered in PostgreSQL, without it the local gateway on <c>LabSandbox:GatewayPort</c> (also an
    /// embedded API's silo). The API's client mode and the <c>keys</c> command share it, so they always agree.
    /// </summary>
    public static IClientBuilder UseLabSandboxCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var options = configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        var connectionString = configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }
        else
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
        }

        return client;
    }
}
