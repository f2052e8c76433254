using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs;
using LabSandbox.Silo.Hosting;
using LabSandbox.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>What every test cluster of this project shares: the silo wiring and how a cluster is brought up.</summary>
public static class LabTestClusters
{
    public static readonly TimeSpan TestLease = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan TestRetryBaseDelay = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The product's grains and real data, in-memory reminders, and grain storage held by the test process
    /// in a counting ledger (it outlives any one silo, so state survives the silo stops some tests make).
    /// </summary>
    public static void ConfigureLabSilo(ISiloBuilder siloBuilder, string artifactRoot, StorageLedger ledger)
    {
        siloBuilder.AddLabSandboxGrains(new LabSandboxOptions
        {
            ArtifactRoot = artifactRoot,
            RealDataFolder = Path.Combine(AppContext.BaseDirectory, "data", "real"),
            ImportRealData = true,

            // A short lease, so a run whose executor's silo is stopped or killed is taken over within seconds.
            // Short backoff too, so a run that keeps failing spends its five attempts in well under a second.
            Runs = new RunRecoveryOptions { Lease = TestLease, RetryBaseDelay = TestRetryBaseDelay, RetryMaxDelay = TimeSpan.FromSeconds(1) },
        });
        siloBuilder.UseInMemoryReminderService();

        // Registered the way AddMemoryGrainStorage registers itself (a keyed IGrainStorage singleton).
        siloBuilder.Services.AddGrainStorage(LabStorage.Name,
            (services, _) => new LedgerGrainStorage(services.GetRequiredService<IGrainStorageSerializer>(), ledger));
    }

    /// <summary>Deploys <paramref name="silos"/> silos and waits until they have imported the real data.</summary>
    public static async Task<TestCluster> DeployAsync<TConfigurator>(short silos)
        where TConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder();
        builder.Options.InitialSilosCount = silos;
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        builder.AddClientBuilderConfigurator<TracingClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await Eventually.WaitAsync(
            () => cluster.GrainFactory.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync(),
            catalog => catalog.TournamentIds.Count > 0, "the real-data import");
        return cluster;
    }

    /// <summary>The test's own spans (a stand-in for the API request) reach the grains, as the API host's do.</summary>
    private sealed class TracingClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddActivityPropagation();
    }

    public static async Task StopAsync(TestCluster? cluster, string artifactRoot)
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        if (Directory.Exists(artifactRoot))
        {
            Directory.Delete(artifactRoot, recursive: true);
        }
    }
}
