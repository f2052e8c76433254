using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>An out-of-process-style Orleans client that finds gateways through GatewaysQueryKey.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost host;

    private TestClient(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => host.Services;

    public static async Task<TestClient> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var host = new HostBuilder().UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            // Fail the test quickly instead of retrying for minutes when no gateway is listed.
            var attempts = 0;
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                await Task.Delay(200, ct);
                return ++attempts < 25;
            });
        }).Build();
        await host.StartAsync();
        return new TestClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
