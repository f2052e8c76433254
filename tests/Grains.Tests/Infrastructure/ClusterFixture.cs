using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Tests.Audit;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>A 2-silo in-process test cluster shared by every test of the <see cref="ClusterCollection"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The artifact store's root for this test process (the silos run in it, so a static reaches them).</summary>
    public static string ArtifactRoot { get; } =
        Path.Combine(Path.GetTempPath(), $"labsandbox-grains-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.GrainFactory;

    public StorageLedger Storage => StorageLedger.Shared;

    public async Task InitializeAsync() => _cluster = await LabTestClusters.DeployAsync<LabSiloConfigurator>(2);

    public Task DisposeAsync() => LabTestClusters.StopAsync(_cluster, ArtifactRoot);

    /// <summary>The product's silo wiring, with counting storage, in-memory reminders and the test run kinds.</summary>
    public sealed class LabSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            LabTestClusters.ConfigureLabSilo(siloBuilder, ArtifactRoot, StorageLedger.Shared);

            siloBuilder.Services.AddSingleton<IRunHandler, NoMetricsRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, NoLineageRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, SlowRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, CatalogRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, AlwaysThrowsRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, ActorProbeRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, QuickRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, Telemetry.FailsOnceRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, Telemetry.DeadLetterRunHandler>();
            siloBuilder.Services.AddSingleton<IRunHandler, Telemetry.HangsRunHandler>();
            siloBuilder.AddIncomingGrainCallFilter<Simulations.AttemptSilencer>();
            siloBuilder.AddIncomingGrainCallFilter<RunCallRecorder>();
            siloBuilder.AddOutgoingGrainCallFilter<ClaimHold>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "LabSandbox cluster";
}
