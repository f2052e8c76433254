using System.Net;
using LabSandbox.Grains.Common;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// A real silo in this process: TCP on 127.0.0.1 with its own free ports, ADO.NET clustering, grain
/// storage and reminders on a test database. Built on a bare <see cref="HostBuilder"/> so nothing
/// from the environment or appsettings leaks in.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    /// <summary>A second storage provider that deletes rows on clear (exercises DeleteStorageKey).</summary>
    public const string DeletingStorage = "labsandbox-delete";

    private readonly IHost host;
    private bool stopped;

    private TestSilo(IHost host, int siloPort, int gatewayPort)
    {
        this.host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A silo wired directly to the three ADO.NET providers with invariant "Npgsql".</summary>
    public static Task<TestSilo> StartAsync(string connectionString, string clusterId, string serviceId)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var builder = new HostBuilder().UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(LabStorage.Name, o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(DeletingStorage, o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = LabSiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            // The production storage serializer, so payloads in these tests look like real rows.
            silo.UseSystemTextJsonGrainStorageSerializer();
            ShortenMembershipTimings(silo);
        });
        return StartAsync(builder, siloPort, gatewayPort);
    }

    /// <summary>
    /// A silo configured exactly as the production host does it (<c>UseLabSandbox</c> from configuration
    /// with <c>ConnectionStrings:LabSandbox</c>), minus the real-data import.
    /// </summary>
    public static Task<TestSilo> StartLabSandboxAsync(string connectionString, string clusterId, string serviceId, string artifactRoot)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LabSandboxOptions.ConnectionStringName}"] = connectionString,
            [$"{LabSandboxOptions.Section}:ClusterId"] = clusterId,
            [$"{LabSandboxOptions.Section}:ServiceId"] = serviceId,
            [$"{LabSandboxOptions.Section}:SiloPort"] = siloPort.ToString(),
            [$"{LabSandboxOptions.Section}:GatewayPort"] = gatewayPort.ToString(),
            [$"{LabSandboxOptions.Section}:AdvertisedAddress"] = "127.0.0.1",
            [$"{LabSandboxOptions.Section}:ArtifactRoot"] = artifactRoot,
            [$"{LabSandboxOptions.Section}:ImportRealData"] = "false",
        }).Build();
        var builder = new HostBuilder().UseOrleans(silo =>
        {
            silo.UseLabSandbox(configuration);
            ShortenMembershipTimings(silo);
        });
        return StartAsync(builder, siloPort, gatewayPort);
    }

    /// <summary>Graceful stop: the silo marks itself Dead in the membership table on the way out.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<TestSilo> StartAsync(IHostBuilder builder, int siloPort, int gatewayPort)
    {
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, siloPort, gatewayPort);
    }

    private static void ShortenMembershipTimings(ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Tests watch membership change: refresh the table view and probe far more often than in
            // production so joins and departures show up within a second or two.
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        });
}
