using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Benchmarks;

/// <summary>
/// A 10,000,000-simulation run of the real 2025 pool through a local silo, end to end: planning, fan-out
/// to chunk grains, merging, metrics and artifacts. Reported per simulation, so the cluster's efficiency
/// is (single-thread kernel time per simulation) / (cores × this time per simulation).
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ClusterBenchmarks
{
    private const long Simulations = 10_000_000;

    private IHost _silo = null!;
    private IGrainFactory _grains = null!;
    private string _advancementArtifactId = null!;
    private long _invocation;

    [GlobalSetup]
    public void Setup()
    {
        _silo = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort());
                silo.AddMemoryGrainStorage(LabStorage.Name);
                silo.UseInMemoryReminderService();
                silo.AddLabSandboxGrains(new LabSandboxOptions { ArtifactRoot = Path.Combine(Path.GetTempPath(), "labsandbox-bench", Environment.ProcessId.ToString()) });
            })
            .Build();
        _silo.Start();
        _grains = _silo.Services.GetRequiredService<IGrainFactory>();
        var advancement = RunAsync(new AdvancementRunPlanner(), new JsonObject
        {
            ["kind"] = "advancement",
            ["tournamentId"] = "ncaa-2025",
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
            ["startingState"] = "pre_tournament",
        }).GetAwaiter().GetResult();
        _advancementArtifactId = advancement.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId;
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.StopAsync().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = (int)Simulations)]
    public async Task<RunStatus> Simulations2025ThroughCluster()
    {
        var run = await RunAsync(new SimulationRunPlanner(), new JsonObject
        {
            ["kind"] = "simulation",
            ["calcuttaId"] = "calcutta-2025",
            ["advancementArtifactId"] = _advancementArtifactId,
            ["nSims"] = Simulations,
            ["seed"] = ++_invocation,
            ["startingState"] = "pre_tournament",
        });
        return run.Status == RunStatus.Succeeded ? run.Status : throw new InvalidOperationException($"run {run.RunId}: {run.LastError}");
    }

    private async Task<RunSnapshot> RunAsync(IRunPlanner planner, JsonObject request)
    {
        // The silo imports the bundled data as it starts; wait for the pool before the first plan.
        while (await _grains.GetGrain<ICalcuttaGrain>("calcutta-2025").GetAsync() is null)
        {
            await Task.Delay(50);
        }

        var plan = await planner.PlanAsync(request, _grains);
        var spec = plan.Spec ?? throw new InvalidOperationException(string.Join("; ", plan.Errors.SelectMany(e => e.Value)));
        var runId = await _grains.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
        var run = _grains.GetGrain<IRunGrain>(runId);
        await run.CreateAsync(spec);
        while (true)
        {
            var snapshot = await run.GetAsync();
            if (snapshot!.Status.IsTerminal())
            {
                return snapshot;
            }

            await Task.Delay(5);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
