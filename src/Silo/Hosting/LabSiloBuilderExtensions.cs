using System.Net;
using LabSandbox.Grains.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace LabSandbox.Silo.Hosting;

public static class LabSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql (the providers default to SQL Server).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Configures a LabSandbox silo from configuration: with <c>ConnectionStrings:LabSandbox</c>, ADO.NET
    /// clustering, grain storage and reminders on PostgreSQL; without it, localhost clustering and
    /// in-memory storage and reminders (the embedded default).
    /// </summary>
    public static ISiloBuilder UseLabSandbox(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        return silo.UseLabSandbox(configuration, KubernetesHosting.Resolve(configuration, options));
    }

    /// <param name="kubernetes">
    /// Kubernetes hosting as resolved for this process; the API's embedded silo passes <see cref="KubernetesHosting.Disabled"/>
    /// (a one-process lab is never a member of a pod-watched cluster, even when the API runs in a pod).
    /// </param>
    public static ISiloBuilder UseLabSandbox(this ISiloBuilder silo, IConfiguration configuration, KubernetesHosting kubernetes)
    {
        var options = configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        var connectionString = configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName);

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Kubernetes hosting needs the database (KubernetesHosting.Resolve refuses it otherwise): nothing to add here.
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorage(LabStorage.Name);
            silo.UseInMemoryReminderService();
        }
        else
        {
            var advertised = kubernetes.AdvertisedAddress ?? IPAddress.Parse(options.AdvertisedAddress);
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: kubernetes.ListenOnAnyAddress);
            silo.UseLabKubernetesHosting(kubernetes);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(LabStorage.Name, o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
        }

        silo.AddLabDashboard();
        return silo.AddLabSandboxGrains(options, connectionString);
    }

    /// <summary>
    /// What every LabSandbox silo needs whatever its clustering and storage: the storage serializer,
    /// the application services grains depend on, and the real-data import. Test clusters call this too.
    /// </summary>
    /// <param name="connectionString">When set, heavy artifacts may go to PostgreSQL (see <see cref="LabSandboxOptions.ArtifactStore"/>).</param>
    public static ISiloBuilder AddLabSandboxGrains(this ISiloBuilder silo, LabSandboxOptions options, string? connectionString = null)
    {
        // System.Text.Json payloads: no CLR type names in stored rows, so renames never strand old state.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddActivityPropagation();
        silo.Services.AddLabSandboxServices(options, connectionString);
        silo.Services.AddHostedService<RunStatusRefresher>();
        if (options.ImportRealData)
        {
            silo.AddStartupTask<RealDataImportStartupTask>();
        }

        return silo;
    }
}
