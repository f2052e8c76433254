using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Idempotency;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Experiments;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Simulations;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Telemetry;

/// <summary>Its own cluster, run alone: the meter is process-wide, so exact counts need no other test's runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "LabSandbox metrics";
}

/// <summary>
/// A scripted scenario (a run retried once, a run dead-lettered, a chunked simulation, an idempotent replay) gives
/// exactly its counts on the LabSandbox meter, and no tag of any instrument carries an id.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class LabMetricsTests(ClusterFixture fixture)
{
    private const long NSims = 12_000;
    private const int ChunkSize = 4_000;

    [Fact]
    public async Task A_scripted_scenario_emits_exactly_its_counts_with_bounded_tags()
    {
        using var recorder = new MeasurementRecorder();
        var runs = new RunDriver(fixture.Grains);
        var simulations = new SimulationDriver(fixture.Grains);
        var suffix = Guid.NewGuid().ToString("N");

        await runs.CreateAsync($"run-metrics-once-{suffix}", await runs.TestSpecAsync(FailsOnceRunHandler.KindName, new JsonObject { ["case"] = suffix }));
        await runs.CreateAsync($"run-metrics-dead-{suffix}", await runs.TestSpecAsync(DeadLetterRunHandler.KindName, new JsonObject { ["case"] = suffix }));
        var once = await runs.WaitTerminalAsync($"run-metrics-once-{suffix}");
        var dead = await runs.WaitTerminalAsync($"run-metrics-dead-{suffix}");
        Assert.Equal((RunStatus.Succeeded, 2), (once.Status, once.Attempt));
        Assert.Equal((RunStatus.Failed, true), (dead.Status, dead.DeadLettered));

        var simulation = await simulations.RunAsync(SimulationDriver.NewRunId("metrics"), await simulations.PlanAsync(NSims, seed: 7, ChunkSize));
        Assert.Equal(RunStatus.Succeeded, simulation.Run.Status);

        var key = fixture.Grains.GetGrain<IIdempotencyKeyGrain>($"metrics-{suffix}");
        Assert.Equal(IdempotencyClaimOutcome.Claimed, (await key.TryClaimAsync("hash")).Outcome);
        await key.CompleteAsync("hash", new IdempotentResponse(201, "application/json", null, "{}"u8.ToArray()));
        Assert.Equal(IdempotencyClaimOutcome.Replay, (await key.TryClaimAsync("hash")).Outcome);

        (string, string) Kind(string kind) => (LabMetrics.KindTag, kind);
        foreach (var kind in new[] { FailsOnceRunHandler.KindName, DeadLetterRunHandler.KindName })
        {
            Assert.Equal(1, recorder.Sum("labsandbox.runs.created", Kind(kind)));
            Assert.Equal(1, recorder.Count("labsandbox.runs.queue_wait", Kind(kind)));
        }

        Assert.Equal(1, recorder.Sum("labsandbox.runs.retries", Kind(FailsOnceRunHandler.KindName)));
        Assert.Equal(0, recorder.Sum("labsandbox.runs.dead_letters", Kind(FailsOnceRunHandler.KindName)));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.finished", Kind(FailsOnceRunHandler.KindName), (LabMetrics.StatusTag, "succeeded")));
        Assert.Equal(4, recorder.Sum("labsandbox.runs.retries", Kind(DeadLetterRunHandler.KindName)));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.dead_letters", Kind(DeadLetterRunHandler.KindName)));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.finished", Kind(DeadLetterRunHandler.KindName), (LabMetrics.StatusTag, "failed")));
        Assert.Equal(0, recorder.Sum("labsandbox.runs.lease_lapses"));

        // Every chunk ran once (no silo was lost), and each was counted where it ran.
        Assert.Equal(NSims, recorder.Sum("labsandbox.simulations.completed", Kind(RunKinds.Simulation)));
        Assert.Equal(NSims / ChunkSize, recorder.Count("labsandbox.chunk.duration"));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.created", Kind(RunKinds.Simulation)));
        // The fan-out saves at least its final checkpoint (periodic ones depend on timing); each write is timed once.
        Assert.InRange(recorder.Sum("labsandbox.checkpoints.written"), 1, NSims / ChunkSize);
        Assert.Equal(recorder.Sum("labsandbox.checkpoints.written"), recorder.Count("labsandbox.checkpoints.duration"));
        Assert.Equal(1, recorder.Sum("labsandbox.idempotency.replays"));

        // The gauge reports the catalog's counts as the refresher last read them.
        RunStatusView.Update(await RunStatusView.ReadAsync(fixture.Grains));
        recorder.Observe();
        Assert.Equal(0, recorder.Sum("labsandbox.runs.active", (LabMetrics.StatusTag, "running")));
        Assert.Equal(2, recorder.Count("labsandbox.runs.active"));

        AssertNoIdTags(recorder.All);
    }

    [Fact]
    public async Task An_attempt_whose_lease_lapses_counts_one_lapse_and_one_retry()
    {
        using var recorder = new MeasurementRecorder();
        var runs = new RunDriver(fixture.Grains);
        var runId = $"run-metrics-lapse-{Guid.NewGuid():N}";
        AttemptSilencer.Silence(runId, 1);
        await runs.CreateAsync(runId, await runs.TestSpecAsync(HangsRunHandler.KindName, new JsonObject { ["case"] = runId }));

        await Eventually.WaitAsync(() => fixture.Grains.GetGrain<IRunGrain>(runId).GetAsync(), r => r is { Status: RunStatus.Running, Attempt: 2 },
            $"run {runId}'s second attempt", TimeSpan.FromSeconds(30));
        SlowRunGate.Release(runId);
        var run = await runs.WaitTerminalAsync(runId);
        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.Attempt));

        (string, string) kind = (LabMetrics.KindTag, HangsRunHandler.KindName);
        Assert.Equal(1, recorder.Sum("labsandbox.runs.lease_lapses", kind));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.retries", kind));
        Assert.Equal(0, recorder.Sum("labsandbox.runs.dead_letters", kind));
        Assert.Equal(1, recorder.Sum("labsandbox.runs.finished", kind, (LabMetrics.StatusTag, "succeeded")));
        AssertNoIdTags(recorder.All);
    }

    [Fact]
    public async Task Each_recorded_experiment_iteration_counts_once_under_its_objective_and_field_honesty()
    {
        using var recorder = new MeasurementRecorder();
        var driver = new ExperimentDriver(fixture.Grains);
        var id = ExperimentDriver.NewId("metrics");
        var experiment = await driver.RunAsync(id, await driver.PlanAsync(
            ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 3, new TestSearch(MaxIterations: 2))));
        var iterations = await driver.IterationsAsync(id);
        Assert.Equal(experiment.NumIterations + 1, iterations.Count); // iteration 0, the initial entry, is recorded too

        Assert.Equal(iterations.Count, recorder.Sum("labsandbox.experiments.iterations",
            (LabMetrics.ObjectiveTag, "expected_payout"), (LabMetrics.FieldHonestyTag, FieldHonesty.Hindsight)));
        Assert.Equal(iterations.Count, recorder.Sum("labsandbox.experiments.iterations"));
        AssertNoIdTags(recorder.All);
    }

    /// <summary>Each tag key takes a handful of values at most, and none looks like a run, artifact, experiment or candidate id.</summary>
    internal static void AssertNoIdTags(IReadOnlyList<LabMeasurement> measurements)
    {
        Assert.NotEmpty(measurements);
        var values = measurements.SelectMany(m => m.Tags.Select(t => (m.Instrument, t.Key, t.Value))).ToList();
        foreach (var group in values.GroupBy(v => (v.Instrument, v.Key)))
        {
            var distinct = group.Select(v => v.Value).Distinct().ToList();
            Assert.True(distinct.Count <= 8, $"{group.Key.Instrument} tag {group.Key.Key} has {distinct.Count} values");
            foreach (var value in distinct)
            {
                Assert.False(value is null || IdLike().IsMatch(value), $"{group.Key.Instrument} tag {group.Key.Key} = '{value}' looks like an id");
            }
        }
    }

    [GeneratedRegex(@"^(run|art|artifact|exp|experiment|cand|candidate|simtest)[-_]|[0-9a-f]{16,}|\d{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex IdLike();
}
