using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>INV-4: every succeeded run has a metrics artifact; a run that cannot write one fails.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MetricsRequiredTests(ClusterFixture fixture)
{
    private readonly RunDriver _runs = new(fixture.Grains);

    [Fact]
    public async Task Run_without_a_metrics_artifact_fails_and_never_succeeds()
    {
        const string RunId = "run-test-inv4-no-metrics-1";
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.NoMetrics, new JsonObject { ["case"] = "no-metrics" }));

        var run = await _runs.WaitTerminalAsync(RunId);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("metrics", run.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(run.Artifacts, a => a.Kind == ArtifactKinds.Metrics);
        var events = await _runs.EventsAsync(RunId);
        Assert.Equal(RunEventNames.Failed, events[^1].Name);
        Assert.DoesNotContain(events, e => e.Name == RunEventNames.Succeeded);

        // The catalog agrees.
        var listed = await fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(RunId))
            .QueryAsync(new RunQuery(TestRunKinds.NoMetrics, null, null, 100));
        Assert.Equal(RunStatus.Failed, listed.Single(e => e.RunId == RunId).Status);
    }

    [Fact]
    public async Task Completing_with_only_non_metrics_artifacts_fails_the_run()
    {
        const string RunId = "run-test-inv4-complete-bids-1";
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.Slow, new JsonObject { ["case"] = "complete-bids" }));
        await _runs.WaitParkedAsync(RunId);
        var grain = fixture.Grains.GetGrain<IRunGrain>(RunId);

        Assert.True(await grain.CompleteAsync(1, [new ArtifactRef(ArtifactWriter.ArtifactIdFor(RunId, "bids"), "bids")]));
        SlowRunGate.Release(RunId);

        var run = await grain.GetAsync();
        Assert.Equal(RunStatus.Failed, run!.Status);
        Assert.Contains("metrics", run.LastError, StringComparison.OrdinalIgnoreCase);
        // The executor's own (metrics-bearing) attempt finds the run already finished and does not complete it.
        await Eventually.WaitAsync(
            () => Task.FromResult(RunCallRecorder.For(RunId).Where(c => c.Method == nameof(IRunGrain.GetAsync)).ToList()),
            calls => calls.Count > 0, "the executor's check after computing");
        Assert.False(await grain.CompleteAsync(1, [new ArtifactRef(ArtifactWriter.ArtifactIdFor(RunId, ArtifactKinds.Metrics), ArtifactKinds.Metrics)]));
        Assert.Equal([true, false], RunCallRecorder.For(RunId).Where(c => c.Method == nameof(IRunGrain.CompleteAsync)).Select(c => c.Accepted));
        Assert.Equal(RunStatus.Failed, (await grain.GetAsync())!.Status);
    }
}
