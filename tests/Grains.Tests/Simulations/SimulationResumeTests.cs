using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>A run that finds a checkpoint under its id resumes from it and executes only the missing chunks.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationResumeTests(OneSiloCluster one, ThreeSiloCluster three)
{
    private const long NSims = 1_000_000;
    private const long Seed = 21;
    private const int ChunkSize = 25_000;
    private static readonly int[] Checkpointed = [0, 1, 2];

    [Fact]
    public async Task Run_resumes_from_a_checkpoint_and_executes_only_the_missing_chunks()
    {
        await three.RestoreSilosAsync();
        var spec = await three.Runs.PlanAsync(NSims, Seed, ChunkSize);
        var runId = SimulationDriver.NewRunId("resume");

        // The engine computes chunks 0–2 of this layout here, in the test; the checkpoint is saved before the run exists.
        var totals = await PartialTotalsAsync(spec, Checkpointed);
        await three.Grains.GetGrain<ISimulationCheckpointGrain>(runId)
            .SaveAsync(new SimulationCheckpoint(NSims, ChunkSize, Checkpointed, totals.ToCanonicalBytes()));

        var resumed = await three.Runs.RunAsync(runId, spec);

        var chunkCount = (int)(NSims / ChunkSize);
        var calls = ChunkCallRecorder.For(runId);
        Assert.DoesNotContain(calls, c => Checkpointed.Contains(c.ChunkIndex));
        Assert.Equal(Enumerable.Range(0, chunkCount).Except(Checkpointed),
            calls.Where(c => c.Phase == ChunkCallPhase.Completed).Select(c => c.ChunkIndex).Distinct().Order());

        var resume = Assert.Single(SimulationDriver.Progress(await three.Runs.EventsAsync(runId)), e => e.Phase == "resume");
        Assert.Equal(100.0 * Checkpointed.Length / chunkCount, resume.Percent!.Value, 9);

        var reference = await one.Runs.RunAsync(SimulationDriver.NewRunId("resume-reference"), await one.Runs.PlanAsync(NSims, Seed, ChunkSize));
        Assert.Equal(reference.Metrics.Sha256, resumed.Metrics.Sha256);
        Assert.Equal(reference.Metrics.InlineContent, resumed.Metrics.InlineContent);
    }

    /// <summary>The merged totals of <paramref name="chunks"/>, computed by the engine the way chunk grains compute them.</summary>
    private async Task<SimulationAccumulator> PartialTotalsAsync(RunSpec spec, IEnumerable<int> chunks)
    {
        var inputs = new SimulationInputs(
            spec.DatasetRefs.Single(d => d.Kind == DatasetKinds.Tournament),
            spec.DatasetRefs.Single(d => d.Kind == DatasetKinds.Calcutta),
            Sigma: 10, SimulationDriver.StartingState, ExcludedEntryKey: null);
        var models = await new SimulationModelCache().GetAsync(inputs, three.Grains);
        var kernel = new SimulationKernel(models.Tournament, models.Pool);
        var totals = kernel.CreateAccumulator();
        foreach (var chunk in chunks)
        {
            var part = kernel.CreateAccumulator();
            kernel.Run((ulong)Seed, (long)chunk * ChunkSize, ChunkSize, part);
            totals.Merge(part);
        }

        Assert.Equal(Checkpointed.Length * ChunkSize, totals.Simulations);
        return totals;
    }
}
