using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>INV-3: a run is immutable once succeeded, failed or cancelled; only the current attempt may report.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TerminalRunImmutabilityTests(ClusterFixture fixture)
{
    private readonly RunDriver _runs = new(fixture.Grains);

    [Fact]
    public async Task Succeeded_run_rejects_cancel_and_every_executor_callback_and_stays_byte_identical()
    {
        const string RunId = "run-test-inv3-succeeded-1";
        var spec = await _runs.PlanAdvancementAsync(RunDriver.AdvancementRequest("through_round:4"));
        await _runs.CreateAsync(RunId, spec);
        var before = await _runs.WaitTerminalAsync(RunId);
        Assert.Equal(RunStatus.Succeeded, before.Status);
        var eventsBefore = await _runs.EventsAsync(RunId);
        var writesBefore = fixture.Storage.WritesOf("run", RunId);
        var grain = fixture.Grains.GetGrain<IRunGrain>(RunId);

        var cancel = await grain.CancelAsync();
        Assert.Equal(CommandOutcome.Conflict, cancel.Outcome);
        Assert.Contains("immutable", cancel.Reason, StringComparison.Ordinal);
        Assert.False(await grain.FailAsync(1, new RunFailure("late failure", Retryable: true)));
        Assert.False(await grain.CompleteAsync(1, [new ArtifactRef("art-other", ArtifactKinds.Metrics)]));
        Assert.False(await grain.TryStartAsync(2, "someone-else"));
        Assert.False(await grain.TryStartAsync(1, "someone-else"));
        Assert.False(await grain.ReportProgressAsync(1, "late", 50, "late progress"));

        var after = await grain.GetAsync();
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        Assert.Equal(JsonSerializer.Serialize(eventsBefore), JsonSerializer.Serialize(await _runs.EventsAsync(RunId)));
        Assert.Equal(writesBefore, fixture.Storage.WritesOf("run", RunId));
    }

    [Fact]
    public async Task Cancelling_a_running_run_ends_it_and_its_late_completion_is_refused()
    {
        const string RunId = "run-test-inv3-cancel-running-1";
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.Slow, new JsonObject { ["case"] = "cancel-running" }));
        var running = await _runs.WaitParkedAsync(RunId);
        Assert.Equal(1, running.Attempt);
        var grain = fixture.Grains.GetGrain<IRunGrain>(RunId);

        var cancel = await grain.CancelAsync();
        Assert.Equal(CommandOutcome.Accepted, cancel.Outcome);
        Assert.Equal(RunStatus.Cancelled, cancel.Snapshot!.Status);
        var events = await _runs.EventsAsync(RunId);
        Assert.Equal(RunEventNames.Cancelled, events[^1].Name);
        var cancelled = await grain.GetAsync();

        // The executor's attempt 1 now finishes computing, sees the run is no longer its own, and stops:
        // no completion, no orphaned artifacts, and the run does not change.
        SlowRunGate.Release(RunId);
        await Eventually.WaitAsync(
            () => Task.FromResult(RunCallRecorder.For(RunId).Where(c => c.Method == nameof(IRunGrain.GetAsync)).ToList()),
            calls => calls.Count > 0, "the executor's check after computing");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(RunCallRecorder.For(RunId), c => c.Method == nameof(IRunGrain.CompleteAsync));
        Assert.Null(await fixture.Grains.GetGrain<IArtifactGrain>(ArtifactWriter.ArtifactIdFor(RunId, ArtifactKinds.Metrics)).GetAsync());
        Assert.False(await grain.CompleteAsync(1, [new ArtifactRef("art-late", ArtifactKinds.Metrics)]));

        Assert.Equal(JsonSerializer.Serialize(cancelled), JsonSerializer.Serialize(await grain.GetAsync()));
        Assert.DoesNotContain(await _runs.EventsAsync(RunId), e => e.Name == RunEventNames.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, (await grain.CancelAsync()).Outcome);
    }

    [Fact]
    public async Task Cancelling_a_queued_run_prevents_it_from_ever_starting()
    {
        const string RunId = "run-test-inv3-cancel-queued-1";
        var grain = fixture.Grains.GetGrain<IRunGrain>(RunId);
        Assert.Equal(CommandOutcome.NotFound, (await grain.CancelAsync()).Outcome);
        ClaimHold.Hold(RunId);
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.Slow, new JsonObject { ["case"] = "cancel-queued" }));
        Assert.Equal(RunStatus.Queued, (await grain.GetAsync())!.Status);

        var cancel = await grain.CancelAsync();
        Assert.Equal(CommandOutcome.Accepted, cancel.Outcome);
        Assert.Equal(RunStatus.Cancelled, cancel.Snapshot!.Status);
        Assert.Equal(0, cancel.Snapshot.Attempt);
        Assert.Null(cancel.Snapshot.ClaimedBy);
        Assert.Null(cancel.Snapshot.StartedAt);
        var cancelled = JsonSerializer.Serialize(await grain.GetAsync());

        // The executor's claim arrives after the cancel and is refused: the handler never runs.
        ClaimHold.Release(RunId);
        SlowRunGate.Release(RunId);
        var claim = await Eventually.WaitAsync(
            () => Task.FromResult(RunCallRecorder.For(RunId)), calls => calls.Count > 0, "the executor's claim");
        Assert.Equal(nameof(IRunGrain.TryStartAsync), Assert.Single(claim).Method);
        Assert.False(claim[0].Accepted);
        Assert.Equal([RunEventNames.Queued, RunEventNames.Cancelled], (await _runs.EventsAsync(RunId)).Select(e => e.Name));
        Assert.Equal(cancelled, JsonSerializer.Serialize(await grain.GetAsync()));
    }

    [Fact]
    public async Task Stale_attempt_cannot_report_on_a_running_run()
    {
        const string RunId = "run-test-inv3-stale-attempt-1";
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.Slow, new JsonObject { ["case"] = "stale-attempt" }));
        await _runs.WaitParkedAsync(RunId);
        var grain = fixture.Grains.GetGrain<IRunGrain>(RunId);
        var metrics = new[] { new ArtifactRef("art-stale", ArtifactKinds.Metrics) };
        var before = JsonSerializer.Serialize(await grain.GetAsync());

        Assert.False(await grain.CompleteAsync(2, metrics));
        Assert.False(await grain.CompleteAsync(0, metrics));
        Assert.False(await grain.FailAsync(2, new RunFailure("stale failure", Retryable: true)));
        Assert.False(await grain.ReportProgressAsync(2, "stale", 10, "stale progress"));
        Assert.False(await grain.TryStartAsync(1, "second-claimer"));
        Assert.False(await grain.TryStartAsync(3, "skipping-claimer"));
        Assert.Equal(before, JsonSerializer.Serialize(await grain.GetAsync()));

        // The current attempt still completes normally.
        SlowRunGate.Release(RunId);
        var done = await _runs.WaitTerminalAsync(RunId);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Attempt);
        Assert.DoesNotContain(done.Artifacts, a => a.ArtifactId == "art-stale");
    }
}
