using LabSandbox.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace LabSandbox.Grains.Tests.Retention;

/// <summary>
/// A 2-silo cluster of its own for retention runs, wired like <see cref="ClusterFixture"/> (the product's grains
/// and real data, counting in-memory storage) but with its own storage and artifact folder: a real retention
/// with <c>olderThanDays: 0</c> deletes every finished run's heavy bytes, which must never reach other tests' runs.
/// </summary>
public sealed class RetentionCluster : IAsyncLifetime
{
    public static readonly StorageLedger Ledger = new();

    public static string ArtifactRoot { get; } =
        Path.Combine(Path.GetTempPath(), $"labsandbox-retention-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private TestCluster? _cluster;

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("The cluster is not deployed.")).GrainFactory;

    public RunDriver Runs => new(Grains);

    public async Task InitializeAsync() => _cluster = await LabTestClusters.DeployAsync<Configurator>(2);

    public Task DisposeAsync() => LabTestClusters.StopAsync(_cluster, ArtifactRoot);

    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => LabTestClusters.ConfigureLabSilo(siloBuilder, ArtifactRoot, Ledger);
    }
}

[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<RetentionCluster>
{
    public const string Name = "Retention cluster";
}
