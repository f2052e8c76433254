using System.Diagnostics;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.TestSupport;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// The coordinator of a run (its executor) is lost mid-run: its silo stopped, the executor releases the
/// attempt; cut off, the attempt's lease lapses. Either way a second attempt resumes from the checkpoint,
/// runs only the chunks it does not hold, and the run succeeds with an uninterrupted run's metrics.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationCoordinatorLossTests(OneSiloCluster one, ThreeSiloCluster three, ITestOutputHelper output)
{
    private const long Seed = 29;
    private const int ChunkSize = 25_000;

    [Fact]
    public async Task Stopping_the_coordinators_silo_releases_the_run_to_a_survivor_that_resumes_it()
    {
        var (run, events, calls, victim) = await LoseCoordinatorAsync(8_000_000, "stopped", coordinator => three.Cluster.StopSiloAsync(coordinator.Silo));
        Assert.Contains(events, e => e.Name == RunEventNames.RetryScheduled && e.Attempt == 1 && e.Message!.Contains("shutting down", StringComparison.Ordinal));
        Assert.Equal(2, run.Attempt);
        Assert.DoesNotContain(calls, c => c.Silo.Equals(victim.SiloAddress) && AttemptOf(run.RunId, c) == 2);
    }

    [Fact]
    public async Task An_attempt_that_stops_renewing_its_lease_is_superseded_by_one_that_resumes_from_the_checkpoint()
    {
        // Lost messages stand in for a hung or cut-off coordinator (an in-process TestCluster silo cannot be
        // killed without its host signalling shutdown); a SIGKILLed silo process is the fault tests' case.
        // Long enough that the silenced attempt is still computing when its lease (3 s in tests) lapses.
        var (run, events, _, _) = await LoseCoordinatorAsync(16_000_000, "silenced the executor on", coordinator =>
        {
            AttemptSilencer.Silence(coordinator.RunId, 1);
            return Task.CompletedTask;
        });
        Assert.Contains(events, e => e.Name == RunEventNames.RetryScheduled && e.Attempt == 1 && e.Message!.Contains("stopped renewing its lease", StringComparison.Ordinal));
        Assert.Equal(2, run.Attempt);

        // The silenced attempt went on computing; once done it found the run no longer its own and wrote nothing.
        await ChunkCallRecorder.WaitQuiescentAsync(run.RunId, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));
        var settled = await three.Runs.TryGetAsync(run.RunId);
        Assert.Equal((RunStatus.Succeeded, 2, run.EventCount), (settled!.Status, settled.Attempt, settled.EventCount));
        Assert.Equal(run.Artifacts, settled.Artifacts);
    }

    private async Task<(RunSnapshot Run, IReadOnlyList<RunEvent> Events, IReadOnlyList<ChunkCall> Calls, SiloHandle Coordinator)> LoseCoordinatorAsync(
        long nSims, string loss, Func<(string RunId, SiloHandle Silo), Task> lose)
    {
        var chunkCount = (int)((nSims + ChunkSize - 1) / ChunkSize);
        await three.RestoreSilosAsync();
        var referenceId = SimulationDriver.NewRunId("coordinator-loss-reference");
        await one.Runs.CreateAsync(referenceId, await one.Runs.PlanAsync(nSims, Seed, ChunkSize));
        var spec = await three.Runs.PlanAsync(nSims, Seed, ChunkSize);
        var (runId, victim) = await StartRunCoordinatedByASecondaryAsync(spec);
        try
        {
            // Lose the coordinator once the first attempt has checkpointed work, while the run is still going.
            var checkpoints = three.Grains.GetGrain<ISimulationCheckpointGrain>(runId);
            var saved = await Eventually.WaitAsync(checkpoints.GetAsync, c => c is { CompletedChunks.Count: > 0 }, $"a checkpoint of {runId}");
            Assert.Equal(RunStatus.Running, (await three.Runs.TryGetAsync(runId))?.Status);
            var losing = Stopwatch.GetTimestamp();
            await lose((runId, victim));
            output.WriteLine($"{loss} {victim.SiloAddress} in {Stopwatch.GetElapsedTime(losing).TotalMilliseconds:N0} ms, "
                + $"with {saved!.CompletedChunks.Count} of {chunkCount} chunks checkpointed");

            var result = await three.Runs.SucceededAsync(runId);
            var events = await three.Runs.EventsAsync(runId);
            output.WriteLine($"succeeded {Stopwatch.GetElapsedTime(losing).TotalSeconds:N1} s after the loss, attempt {result.Run.Attempt}; "
                + string.Join(" | ", events.Where(e => e.Name != RunEventNames.Progress || e.Phase == "resume").Select(e => $"{e.Name}#{e.Attempt} {e.Message}")));

            // The last attempt resumed from a checkpoint and ran only the chunks it did not hold; every chunk ran.
            var calls = ChunkCallRecorder.For(runId);
            var lastAttemptChunks = calls.Where(c => AttemptOf(runId, c) == result.Run.Attempt).Select(c => c.ChunkIndex).ToHashSet();
            Assert.Contains(events, e => e.Name == RunEventNames.Progress && e.Phase == "resume" && e.Attempt == result.Run.Attempt);
            Assert.True(lastAttemptChunks.Count < chunkCount, $"attempt {result.Run.Attempt} ran all {chunkCount} chunks: it did not resume");
            var earlierCompleted = calls.Where(c => c.Phase == ChunkCallPhase.Completed && AttemptOf(runId, c) < result.Run.Attempt).Select(c => c.ChunkIndex).ToHashSet();
            Assert.All(Enumerable.Range(0, chunkCount).Where(c => !lastAttemptChunks.Contains(c)), c => Assert.Contains(c, earlierCompleted));
            output.WriteLine($"attempt {result.Run.Attempt} ran {lastAttemptChunks.Count} of {chunkCount} chunks");

            var reference = await one.Runs.SucceededAsync(referenceId);
            Assert.Equal(1, reference.Run.Attempt);
            Assert.Equal(reference.Metrics.Sha256, result.Metrics.Sha256);
            Assert.Equal(reference.Metrics.InlineContent, result.Metrics.InlineContent);
            return (result.Run, events, calls, victim);
        }
        finally
        {
            await three.RestoreSilosAsync();
        }
    }

    private static int AttemptOf(string runId, ChunkCall call) => int.Parse(call.GrainKey[(runId.Length + 1)..].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Starts runs until one's executor is on a secondary silo (the primary hosts the test cluster's services); cancels
    /// the others. A silo that just joined is left out of random placement until its grain manifest has reached the
    /// placing silo, so this keeps trying for a while rather than a fixed number of times.
    /// </summary>
    private async Task<(string RunId, SiloHandle Victim)> StartRunCoordinatedByASecondaryAsync(RunSpec spec)
    {
        var management = three.Grains.GetGrain<IManagementGrain>(0);
        var trying = Stopwatch.StartNew();
        for (var attempt = 1; attempt <= 8 || trying.Elapsed < TimeSpan.FromSeconds(30); attempt++)
        {
            var runId = SimulationDriver.NewRunId("coordinator-loss");
            await three.Runs.CreateAsync(runId, spec);
            await Eventually.WaitAsync(() => three.Runs.TryGetAsync(runId), r => r?.Status != RunStatus.Queued, $"run {runId} to start");
            var executorSilo = await management.GetActivationAddress(three.Grains.GetGrain<IRunExecutorGrain>($"{runId}:1"));
            output.WriteLine($"{runId}: executor on {executorSilo}");
            var victim = three.Cluster.GetActiveSilos().FirstOrDefault(s => s != three.Cluster.Primary && s.SiloAddress.Equals(executorSilo));
            if (victim is not null)
            {
                return (runId, victim);
            }

            await three.Grains.GetGrain<IRunGrain>(runId).CancelAsync();
            await ChunkCallRecorder.WaitQuiescentAsync(runId, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new InvalidOperationException($"Every try for {trying.Elapsed.TotalSeconds:0} s put the executor on the primary silo.");
    }
}
