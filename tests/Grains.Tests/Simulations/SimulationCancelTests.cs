using System.Diagnostics;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.TestSupport;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>Cancelling a simulation mid-run stops its fan-out: no later events, no artifacts, no chunk grains left.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationCancelTests(ThreeSiloCluster three, ITestOutputHelper output)
{
    private const long NSims = 50_000_000;

    /// <summary>Chunks in flight when the run is cancelled still finish (a chunk is not interruptible): keep them short.</summary>
    private const int ChunkSize = 50_000;

    private static readonly string[] AfterCancelForbidden = [RunEventNames.Progress, RunEventNames.Succeeded, RunEventNames.Failed];

    [Fact]
    public async Task Cancel_mid_run_stops_the_fan_out_and_leaves_no_artifacts_nor_chunk_activations()
    {
        await three.RestoreSilosAsync();
        var runId = SimulationDriver.NewRunId("cancel");
        await three.Runs.CreateAsync(runId, await three.Runs.PlanAsync(NSims, 5, ChunkSize));
        await Eventually.WaitAsync(() => three.Runs.EventsAsync(runId), events => events.Any(e => e.Name == RunEventNames.Progress),
            $"a progress event of {runId}");

        var cancelling = Stopwatch.GetTimestamp();
        var cancel = await three.Grains.GetGrain<IRunGrain>(runId).CancelAsync();
        Assert.Equal(CommandOutcome.Accepted, cancel.Outcome);
        var run = await three.Runs.WaitTerminalAsync(runId, TimeSpan.FromSeconds(2));
        Assert.Equal(RunStatus.Cancelled, run.Status);
        output.WriteLine($"cancelled after {Stopwatch.GetElapsedTime(cancelling).TotalMilliseconds:N0} ms");

        var events = await three.Runs.EventsAsync(runId);
        var eventsRead = Stopwatch.GetTimestamp();

        // The fan-out stops dispatching at its next progress report (every 0.5 s) and the chunks in flight finish:
        // about a second later (more on a loaded machine) no chunk activation remains, and none starts again.
        await Eventually.WaitAsync(ChunkActivationsAsync, count => count == 0, "chunk grain activations to go", TimeSpan.FromSeconds(3));
        output.WriteLine($"no chunk activation {Stopwatch.GetElapsedTime(cancelling).TotalMilliseconds:N0} ms after the cancel");
        var calls = await ChunkCallRecorder.WaitQuiescentAsync(runId, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
        var lastStart = calls.Where(c => c.Phase == ChunkCallPhase.Started).Max(c => c.At);
        var completed = calls.Count(c => c.Phase == ChunkCallPhase.Completed);
        output.WriteLine($"{completed} of {NSims / ChunkSize} chunks completed; the last chunk call started "
            + $"{Stopwatch.GetElapsedTime(cancelling, lastStart).TotalMilliseconds:N0} ms after the cancel");
        Assert.True(Stopwatch.GetElapsedTime(cancelling, lastStart) < TimeSpan.FromSeconds(2), "chunks kept being dispatched after the cancel");
        Assert.True(completed < NSims / ChunkSize / 2, "the run went on to finish most chunks");

        // Nothing the attempt reports afterwards (progress, its late failure or success) reaches the log.
        var wait = TimeSpan.FromSeconds(1.5) - Stopwatch.GetElapsedTime(eventsRead);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var later = await three.Runs.EventsAsync(runId);
        Assert.Equal(events, later);
        var cancelled = later.ToList().FindIndex(e => e.Name == RunEventNames.Cancelled);
        Assert.Equal(later.Count - 1, cancelled);
        Assert.DoesNotContain(later.Skip(cancelled + 1), e => AfterCancelForbidden.Contains(e.Name));

        Assert.Empty((await three.Runs.WaitTerminalAsync(runId)).Artifacts);
        Assert.Null(await three.Grains.GetGrain<IArtifactGrain>(ArtifactWriter.ArtifactIdFor(runId, ArtifactKinds.Metrics)).GetAsync());
    }

    private async Task<int> ChunkActivationsAsync()
    {
        var statistics = await three.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("SimulationChunkGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
