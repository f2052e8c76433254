namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>A run's chunks spread over the whole cluster, not just the coordinator's silo.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationSpreadTests(ThreeSiloCluster three)
{
    [Fact]
    public async Task Every_silo_of_a_three_silo_cluster_executes_chunks_of_one_run()
    {
        await three.RestoreSilosAsync();
        var silos = await three.ActiveSilosAsync();
        Assert.Equal(3, silos.Count);

        // 64 chunks placed at random: a silo gets none with probability 3 × (2/3)^64 ≈ 2e-11.
        var runId = SimulationDriver.NewRunId("spread");
        await three.Runs.RunAsync(runId, await three.Runs.PlanAsync(640_000, 3, 10_000));

        var completed = ChunkCallRecorder.Completed(runId);
        Assert.Equal(64, completed.Select(c => c.ChunkIndex).Distinct().Count());
        var bySilo = completed.GroupBy(c => c.Silo).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(silos, silo => Assert.True(bySilo.GetValueOrDefault(silo) > 0,
            $"silo {silo} executed no chunk; chunks by silo: {string.Join(", ", bySilo.Select(p => $"{p.Key}={p.Value}"))}"));
    }
}
