using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Tests.Experiments;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Sandbox;

namespace LabSandbox.Grains.Tests.Audit;

/// <summary>
/// Every accepted change names its actor, carried from the caller in <see cref="LabActor"/>: a run's creator (in its
/// record, its list entry and its queued event), who cancelled or requeued it, who made each synthetic calcutta
/// version and who created an experiment; work no request started is "system", and an orchestration's child runs
/// name the orchestration's creator on every attempt.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ActorOnChangesTests(ClusterFixture fixture)
{
    private readonly RunDriver _runs = new(fixture.Grains);

    [Fact]
    public async Task A_run_names_who_created_it_and_who_cancelled_it()
    {
        const string RunId = "run-test-actor-cancel-1";
        var spec = await _runs.TestSpecAsync(TestRunKinds.Slow, new JsonObject { ["case"] = "actor-cancel" });
        using (LabActor.Use("alice"))
        {
            await _runs.CreateAsync(RunId, spec);
        }

        await _runs.WaitParkedAsync(RunId);
        CommandResult<RunSnapshot> cancel;
        using (LabActor.Use("bob"))
        {
            cancel = await fixture.Grains.GetGrain<IRunGrain>(RunId).CancelAsync();
        }

        SlowRunGate.Release(RunId);
        Assert.Equal(CommandOutcome.Accepted, cancel.Outcome);
        var run = await _runs.WaitTerminalAsync(RunId);
        Assert.Equal("alice", run.CreatedBy);
        var events = await _runs.EventsAsync(RunId);
        Assert.Equal(("alice", "bob"), (events.Single(e => e.Name == RunEventNames.Queued).Actor, events.Single(e => e.Name == RunEventNames.Cancelled).Actor));
        Assert.All(events.Where(e => e.Name is not (RunEventNames.Queued or RunEventNames.Cancelled)), e => Assert.Null(e.Actor));

        var listed = await fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(RunId)).QueryAsync(new RunQuery(TestRunKinds.Slow, null, null, 500));
        Assert.Equal("alice", listed.Single(e => e.RunId == RunId).CreatedBy);
    }

    [Fact]
    public async Task A_run_created_outside_any_request_is_the_systems()
    {
        const string RunId = "run-test-actor-system-1";
        await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(QuickRunHandler.KindName, new JsonObject { ["case"] = "actor-system" }));

        Assert.Equal(LabActor.System, (await _runs.WaitTerminalAsync(RunId)).CreatedBy);
    }

    [Fact]
    public async Task A_requeue_names_its_actor()
    {
        const string RunId = "run-test-actor-requeue-1";
        using (LabActor.Use("alice"))
        {
            await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(TestRunKinds.AlwaysThrows, new JsonObject { ["case"] = "actor-requeue" }));
        }

        Assert.True((await _runs.WaitTerminalAsync(RunId)).DeadLettered);
        using (LabActor.Use("carol"))
        {
            Assert.Equal(CommandOutcome.Accepted, (await fixture.Grains.GetGrain<IRunGrain>(RunId).RequeueAsync()).Outcome);
        }

        var again = await _runs.WaitTerminalAsync(RunId);
        Assert.Equal("alice", again.CreatedBy);
        Assert.Equal("carol", (await _runs.EventsAsync(RunId)).Single(e => e.Name == RunEventNames.Requeued).Actor);
    }

    [Fact]
    public async Task Every_attempt_and_every_child_run_acts_as_the_runs_creator_even_when_a_timer_dispatched_it()
    {
        const string RunId = "run-test-actor-probe-1";
        using (LabActor.Use("dave"))
        {
            await _runs.CreateAsync(RunId, await _runs.TestSpecAsync(ActorProbeRunHandler.KindName, new JsonObject { ["case"] = "actor-probe" }));
        }

        var run = await _runs.WaitTerminalAsync(RunId);
        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.Attempt));
        Assert.Equal(("dave", "dave"), (ActorProbeRunHandler.Seen[(RunId, 1)], ActorProbeRunHandler.Seen[(RunId, 2)]));
        Assert.Equal("dave", (await _runs.WaitTerminalAsync(ActorProbeRunHandler.ChildOf(RunId))).CreatedBy);
    }

    [Fact]
    public async Task Each_synthetic_calcutta_version_names_who_made_it_and_the_digest_leaves_the_actor_out()
    {
        const string Id = "sc-test-actor-versions";
        var grain = fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(Id);
        SyntheticCalcuttaSnapshot first, second, third;
        using (LabActor.Use("alice"))
        {
            first = SandboxRecords.AssertOk(await grain.CreateAsync(SandboxRecords.FromCalcutta()));
        }

        using (LabActor.Use("bob"))
        {
            second = SandboxRecords.AssertOk(await grain.PutEntryAsync("actor-entry", SandboxRecords.ValidBids));
        }

        using (LabActor.Use("carol"))
        {
            third = SandboxRecords.AssertOk(await grain.DeleteEntryAsync("actor-entry"));
        }

        Assert.Equal(("alice", "bob", "carol"), (first.CreatedBy, second.CreatedBy, third.CreatedBy));
        Assert.Equal(first.Digest, third.Digest); // the same content by another actor: the same digest
        Assert.Equal(
            [(1, first.Digest, "alice"), (2, second.Digest, "bob"), (3, first.Digest, "carol")],
            (await grain.GetVersionsAsync()).Select(v => (v.Version, v.Digest, v.CreatedBy)));
        Assert.Equal("carol", (await grain.GetAsync())!.CreatedBy);

        // The kept version of a digest is its first appearance.
        var kept = await fixture.Grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(Id, first.Digest)).GetAsync();
        Assert.Equal((1, "alice"), (kept!.Version, kept.CreatedBy));
    }

    [Fact]
    public async Task An_experiment_and_its_driver_run_name_who_created_it_and_its_cancel_names_who_cancelled()
    {
        var experiments = new ExperimentDriver(fixture.Grains);
        var config = await experiments.PlanAsync(ExperimentDriver.Request(
            await experiments.NaiveEvCandidateAsync(), 41, new TestSearch(Candidates: 2, MaxIterations: 3)));
        var experimentId = ExperimentDriver.NewId("actor");
        ExperimentSnapshot created;
        using (LabActor.Use("erin"))
        {
            created = await experiments.StartAsync(experimentId, config);
        }

        using (LabActor.Use("frank"))
        {
            Assert.Equal(CommandOutcome.Accepted, (await fixture.Grains.GetGrain<IExperimentGrain>(experimentId).CancelAsync()).Outcome);
        }

        var ended = await experiments.WaitEndedAsync(experimentId);
        Assert.Equal(("erin", "erin"), (created.CreatedBy, ended.CreatedBy));
        var driver = await _runs.WaitTerminalAsync(created.DriverRunId);
        Assert.Equal(("erin", RunStatus.Cancelled), (driver.CreatedBy, driver.Status));
        Assert.Equal("frank", (await _runs.EventsAsync(driver.RunId)).Single(e => e.Name == RunEventNames.Cancelled).Actor);
    }
}
