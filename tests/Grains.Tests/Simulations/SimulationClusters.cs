using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Silo.Hosting;
using LabSandbox.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// A TestCluster of <paramref name="silos"/> silos for simulation runs, configured like
/// <see cref="ClusterFixture"/> (the product's grains, real data, in-memory reminders, no file logs)
/// plus the <see cref="ChunkCallRecorder"/> and <see cref="AttemptSilencer"/>. Storage is in-memory but held by the test process rather
/// than by a silo (Orleans' memory storage keeps it in grains, which die with a stopped silo), so the
/// cluster's state survives the silo stops these tests make.
/// </summary>
public abstract class SimulationCluster<TConfigurator>(int silos) : IAsyncLifetime
    where TConfigurator : SimulationSiloConfigurator, new()
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.GrainFactory;

    public SimulationDriver Runs => new(Grains);

    public int InitialSilos => silos;

    public async Task InitializeAsync() => _cluster = await LabTestClusters.DeployAsync<TConfigurator>((short)silos);

    public Task DisposeAsync() => LabTestClusters.StopAsync(_cluster, new TConfigurator().ArtifactRoot);

    /// <summary>The active silos as membership sees them.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ActiveSilosAsync() =>
        (await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToList();

    /// <summary>Brings the cluster back to <see cref="InitialSilos"/> active silos (after a test stopped one).</summary>
    public async Task RestoreSilosAsync()
    {
        while (Cluster.GetActiveSilos().Count() < silos)
        {
            await Cluster.StartAdditionalSiloAsync();
        }

        await Eventually.WaitAsync(ActiveSilosAsync, active => active.Count == silos, $"{silos} active silos");
    }
}

/// <summary>The silo wiring of a simulation cluster; each cluster has its own storage and artifact folder.</summary>
public abstract class SimulationSiloConfigurator : ISiloConfigurator
{
    public abstract StorageLedger Ledger { get; }

    public abstract string ArtifactRoot { get; }

    public void Configure(ISiloBuilder siloBuilder)
    {
        LabTestClusters.ConfigureLabSilo(siloBuilder, ArtifactRoot, Ledger);
        siloBuilder.AddIncomingGrainCallFilter<ChunkCallRecorder>();
        siloBuilder.AddIncomingGrainCallFilter<AttemptSilencer>();
        siloBuilder.AddIncomingGrainCallFilter<ChunkStaller>();
    }

    protected static string NewArtifactRoot(string name) =>
        Path.Combine(Path.GetTempPath(), $"labsandbox-sim-tests-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
}

public sealed class OneSiloConfigurator : SimulationSiloConfigurator
{
    private static readonly StorageLedger Storage = new();
    private static readonly string Root = NewArtifactRoot("1-silo");

    public override StorageLedger Ledger => Storage;

    public override string ArtifactRoot => Root;
}

public sealed class ThreeSiloConfigurator : SimulationSiloConfigurator
{
    private static readonly StorageLedger Storage = new();
    private static readonly string Root = NewArtifactRoot("3-silo");

    public override StorageLedger Ledger => Storage;

    public override string ArtifactRoot => Root;
}

/// <summary>A 1-silo simulation cluster.</summary>
public sealed class OneSiloCluster() : SimulationCluster<OneSiloConfigurator>(1);

/// <summary>A 3-silo simulation cluster.</summary>
public sealed class ThreeSiloCluster() : SimulationCluster<ThreeSiloConfigurator>(3);

/// <summary>
/// Every simulation-run test shares both clusters and runs one at a time: the runs are CPU-bound, and
/// a run's timing (progress, a silo stopped mid-run, a cancel) must not depend on another's load.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulationClustersCollection : ICollectionFixture<OneSiloCluster>, ICollectionFixture<ThreeSiloCluster>
{
    public const string Name = "Simulation clusters";
}
