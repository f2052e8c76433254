using System.Diagnostics;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.TestSupport;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// A silo stopped mid-run leaves the rest of the run's chunks to the survivors (its chunks in flight finish
/// during its graceful shutdown, or are retried elsewhere), and the run still succeeds with the metrics of an
/// uninterrupted run, in its first attempt. Here the stopped silo hosts neither the run grain nor its executor;
/// <see cref="SimulationCoordinatorLossTests"/> loses the executor's silo.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationSiloLossTests(OneSiloCluster one, ThreeSiloCluster three, ITestOutputHelper output)
{
    private const long NSims = 4_000_000;
    private const long Seed = 13;
    private const int ChunkSize = 25_000;

    [Fact]
    public async Task Stopping_a_silo_mid_run_still_succeeds_with_the_uninterrupted_metrics()
    {
        await three.RestoreSilosAsync();

        // The uninterrupted reference runs on the 1-silo cluster meanwhile: it also keeps the run going long
        // enough (the process has few cores) for the silo to be stopped mid-run.
        var referenceId = SimulationDriver.NewRunId("silo-loss-reference");
        await one.Runs.CreateAsync(referenceId, await one.Runs.PlanAsync(NSims, Seed, ChunkSize));
        var spec = await three.Runs.PlanAsync(NSims, Seed, ChunkSize);
        var (runId, victim) = await StartRunBesideAVictimAsync(spec);
        try
        {
            // Stop it once it has done real work for this run, while the run is still going.
            await Eventually.WaitAsync(() => Task.FromResult(ChunkCallRecorder.Completed(runId).Count(c => c.Silo.Equals(victim.SiloAddress))),
                done => done > 0, $"silo {victim.SiloAddress} to complete a chunk of {runId}");
            var stopping = Stopwatch.GetTimestamp();
            Assert.Equal(RunStatus.Running, (await three.Runs.TryGetAsync(runId))?.Status);
            await three.Cluster.StopSiloAsync(victim);
            var stopped = Stopwatch.GetTimestamp();
            output.WriteLine($"stopped {victim.SiloAddress} in {Stopwatch.GetElapsedTime(stopping, stopped).TotalMilliseconds:N0} ms");

            var result = await three.Runs.SucceededAsync(runId);
            output.WriteLine($"run took {result.Run.FinishedAt - result.Run.StartedAt}, ended {Stopwatch.GetElapsedTime(stopped).TotalMilliseconds:N0} ms after the stop");
            Assert.Equal(1, result.Run.Attempt);

            var calls = ChunkCallRecorder.For(runId);
            var onVictim = calls.Where(c => c.Silo.Equals(victim.SiloAddress)).ToList();
            Assert.Contains(onVictim, c => c.Phase == ChunkCallPhase.Completed && c.At < stopping);
            Assert.DoesNotContain(onVictim, c => c.Phase == ChunkCallPhase.Started && c.At > stopped);
            var afterwards = calls.Where(c => c.Phase == ChunkCallPhase.Started && c.At > stopped).ToList();
            Assert.True(afterwards.Count > 0, $"no chunk of {runId} started after the stop: the run ended before the silo was down");
            Assert.All(afterwards, c => Assert.NotEqual(victim.SiloAddress, c.Silo));

            // Every chunk of the layout completed somewhere; each counted once in the totals (checked by the digest).
            var chunkCount = (int)((NSims + ChunkSize - 1) / ChunkSize);
            Assert.Equal(Enumerable.Range(0, chunkCount),
                calls.Where(c => c.Phase == ChunkCallPhase.Completed).Select(c => c.ChunkIndex).Distinct().Order());
            output.WriteLine($"victim completed {onVictim.Count(c => c.Phase == ChunkCallPhase.Completed)}, faulted {onVictim.Count(c => c.Phase == ChunkCallPhase.Faulted)}; "
                + $"{afterwards.Count} chunk calls started on the survivors after the stop");

            var retried = calls.Where(c => c.Phase == ChunkCallPhase.Started && !c.GrainKey.EndsWith(":1", StringComparison.Ordinal)).ToList();
            output.WriteLine($"{retried.Count} chunk call(s) were retries: {string.Join(", ", retried.Select(c => c.GrainKey[(runId.Length + 1)..]))}");

            var reference = await one.Runs.SucceededAsync(referenceId);
            output.WriteLine($"reference took {reference.Run.FinishedAt - reference.Run.StartedAt}");
            Assert.Equal(reference.Metrics.Sha256, result.Metrics.Sha256);
            Assert.Equal(reference.Metrics.InlineContent, result.Metrics.InlineContent);
        }
        finally
        {
            var restoring = Stopwatch.GetTimestamp();
            await three.RestoreSilosAsync();
            output.WriteLine($"restored in {Stopwatch.GetElapsedTime(restoring).TotalMilliseconds:N0} ms");
        }
    }

    /// <summary>
    /// Starts runs until one has a secondary silo hosting neither its run grain nor its executor; other
    /// tries are cancelled. Returns that run and silo.
    /// </summary>
    private async Task<(string RunId, SiloHandle Victim)> StartRunBesideAVictimAsync(RunSpec spec)
    {
        var management = three.Grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var runId = await RunIdOnPrimaryAsync(management);
            await three.Runs.CreateAsync(runId, spec);
            await Eventually.WaitAsync(() => three.Runs.TryGetAsync(runId), r => r?.Status != RunStatus.Queued, $"run {runId} to start");
            var runSilo = await management.GetActivationAddress(three.Grains.GetGrain<IRunGrain>(runId));
            var executorSilo = await management.GetActivationAddress(three.Grains.GetGrain<IRunExecutorGrain>($"{runId}:1"));
            output.WriteLine($"{runId}: run grain on {runSilo}, executor on {executorSilo}");
            Assert.NotNull(runSilo);
            Assert.NotNull(executorSilo);

            var victim = three.Cluster.GetActiveSilos()
                .FirstOrDefault(s => s != three.Cluster.Primary && !s.SiloAddress.Equals(runSilo) && !s.SiloAddress.Equals(executorSilo));
            if (victim is not null)
            {
                return (runId, victim);
            }

            await three.Grains.GetGrain<IRunGrain>(runId).CancelAsync();
            await ChunkCallRecorder.WaitQuiescentAsync(runId, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        }

        throw new InvalidOperationException("Every try put the run grain and its executor on the two secondary silos.");
    }

    /// <summary>
    /// A fresh run id whose (still empty) run grain is already active on the primary silo, when one of a few
    /// tries lands there: then whichever silo the executor gets, a secondary silo hosts neither.
    /// </summary>
    private async Task<string> RunIdOnPrimaryAsync(IManagementGrain management)
    {
        var runId = SimulationDriver.NewRunId("silo-loss");
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await three.Grains.GetGrain<IRunGrain>(runId).GetAsync());
            if (three.Cluster.Primary!.SiloAddress.Equals(await management.GetActivationAddress(three.Grains.GetGrain<IRunGrain>(runId))))
            {
                return runId;
            }

            runId = SimulationDriver.NewRunId("silo-loss");
        }

        return runId;
    }
}
