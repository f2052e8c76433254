using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Simulations;
using LabSandbox.TestSupport;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>
/// The search is a durable run: when its driver's attempt is lost mid-search, the next attempt continues after the
/// last recorded iteration, and the experiment ends exactly as an uninterrupted one — nothing lost, nothing twice.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentResumeTests(OneSiloCluster cluster, ITestOutputHelper output)
{
    private static readonly TestSearch Search = new(Screening: 4_000, Evaluation: 12_000, MaxIterations: 8, Patience: 8);

    [Fact]
    public async Task A_lost_driver_attempt_is_resumed_after_the_last_recorded_iteration_with_an_identical_outcome()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var config = await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 3, Search));
        var referenceId = ExperimentDriver.NewId("resume-reference");
        var reference = await driver.RunAsync(referenceId, config);

        var id = ExperimentDriver.NewId("resume");
        var started = await driver.StartAsync(id, config);
        var experiment = cluster.Grains.GetGrain<IExperimentGrain>(id);
        var before = await Eventually.WaitAsync(experiment.GetAsync, e => e!.NumIterations >= 2, "two recorded iterations", TimeSpan.FromMinutes(2));
        AttemptSilencer.Silence(started.DriverRunId, 1);
        var ended = await driver.WaitEndedAsync(id);

        Assert.Equal(ExperimentStatus.Succeeded, ended.Status);
        var run = await cluster.Grains.GetGrain<IRunGrain>(started.DriverRunId).GetAsync();
        Assert.True(run!.Attempt >= 2, $"the driver finished in attempt {run.Attempt}");
        Assert.Contains(await new Infrastructure.RunDriver(cluster.Grains).EventsAsync(started.DriverRunId), e => e.Name == RunEventNames.RetryScheduled && e.Attempt == 1);

        var iterations = await driver.IterationsAsync(id);
        var events = await driver.EventsAsync(id);
        Assert.Equal(Enumerable.Range(0, iterations.Count), iterations.Select(i => i.Iteration));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(
            Trace(referenceId, reference, await driver.IterationsAsync(referenceId), await driver.EventsAsync(referenceId)),
            Trace(id, ended, iterations, events));
        output.WriteLine($"driver lost after {before!.NumIterations} recorded iterations; attempt {run.Attempt} finished the search: "
            + $"{ended.NumIterations} iterations, {ended.ConvergenceReason}, identical to the uninterrupted experiment");
    }

    private static string Trace(string id, ExperimentSnapshot experiment, IReadOnlyList<ExperimentIteration> iterations, IReadOnlyList<ExperimentEvent> events) =>
        CanonicalJson.Serialize(new
        {
            experiment.NumIterations, experiment.ConvergenceReason, experiment.Result, experiment.EventCount, iterations,
            events = events.Select(e => new { e.Sequence, e.Type, e.Iteration, e.DataJson }),
        }).Replace(id, "{experiment}", StringComparison.Ordinal);
}
