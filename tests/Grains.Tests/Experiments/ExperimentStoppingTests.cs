using System.Text.Json;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Simulations;
using LabSandbox.TestSupport;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>How a search stops: patience, and cancellation (clean: nothing runs or is written afterwards).</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentStoppingTests(OneSiloCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_neighbourhood_significantly_worse_everywhere_stops_the_search_as_converged()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var id = ExperimentDriver.NewId("no-improvement");
        var experiment = await driver.RunAsync(id, await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 2, new TestSearch(MaxIterations: 40, Patience: 2))));
        var last = (await driver.IterationsAsync(id))[^1];

        Assert.Equal(ConvergenceReasons.NoImprovementCi, experiment.ConvergenceReason);
        Assert.True(experiment.Converged);
        Assert.True(last.IterationsWithoutImprovement <= 2);
        Assert.Null(last.AcceptedChallenger);
        Assert.NotEmpty(last.Challengers);
        Assert.All(last.Challengers, c => Assert.True(c.Gain.HighCents < 0, $"challenger {c.Index}: 95% gain interval [{c.Gain.LowCents}, {c.Gain.HighCents}] ¢"));
        Assert.Contains(await driver.EventsAsync(id), e => e.Type == ExperimentEventTypes.EarlyStop && e.DataJson.Contains(ConvergenceReasons.NoImprovementCi, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patience_stops_the_search_after_that_many_iterations_without_an_accepted_challenger()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var search = new TestSearch(MaxIterations: 40, Patience: 2);
        var id = ExperimentDriver.NewId("patience");
        var experiment = await driver.RunAsync(id, await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 1, search)));
        var iterations = await driver.IterationsAsync(id);
        var events = await driver.EventsAsync(id);
        Assert.Equal(ConvergenceReasons.PatienceExhausted, experiment.ConvergenceReason);
        Assert.True(experiment.Converged);
        Assert.True(experiment.NumIterations < search.MaxIterations);
        Assert.Equal(experiment.NumIterations, iterations[^1].Iteration);
        Assert.Equal(search.Patience, iterations[^1].IterationsWithoutImprovement);
        Assert.All(iterations.TakeLast(search.Patience), i => Assert.Null(i.AcceptedChallenger));
        Assert.All(iterations.SkipLast(1).Skip(1), i => Assert.True(i.IterationsWithoutImprovement < search.Patience));

        var stop = events.Single(e => e.Type == ExperimentEventTypes.EarlyStop);
        using (var data = JsonDocument.Parse(stop.DataJson))
        {
            Assert.Equal(ConvergenceReasons.PatienceExhausted, data.RootElement.GetProperty("reason").GetString());
        }

        Assert.Equal(experiment.NumIterations, stop.Iteration);
        Assert.Equal(ExperimentEventTypes.ExperimentEnd, events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type == ExperimentEventTypes.IterationStart && e.Iteration > experiment.NumIterations);
        output.WriteLine($"stopped after {experiment.NumIterations} iterations ({iterations.Count(i => i.AcceptedChallenger is not null)} accepted), patience {search.Patience}");
    }

    [Fact]
    public async Task Cancel_stops_the_search_cleanly_with_convergence_reason_cancelled()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var config = await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 11,
            new TestSearch(Screening: 20_000, Evaluation: 40_000, MaxIterations: 200, Patience: 200)));
        var id = ExperimentDriver.NewId("cancel");
        await driver.StartAsync(id, config);
        var experiment = cluster.Grains.GetGrain<IExperimentGrain>(id);
        await Eventually.WaitAsync(experiment.GetAsync, e => e!.NumIterations >= 1, "the first iteration", TimeSpan.FromMinutes(2));

        var cancelled = await experiment.CancelAsync();
        Assert.Equal(CommandOutcome.Accepted, cancelled.Outcome);
        Assert.Equal(ExperimentStatus.Cancelled, cancelled.Snapshot!.Status);
        Assert.Equal(ConvergenceReasons.Cancelled, cancelled.Snapshot.ConvergenceReason);
        Assert.False(cancelled.Snapshot.Converged);
        Assert.Null(cancelled.Snapshot.Result);

        // Every run of it ends (the driver and any sample in flight are cancelled), and then nothing changes.
        var runs = await experiment.GetRunsAsync();
        foreach (var runId in runs.Select(r => r.RunId).Append(cancelled.Snapshot.DriverRunId))
        {
            await Eventually.WaitAsync(() => cluster.Grains.GetGrain<IRunGrain>(runId).GetAsync(), r => r!.Status.IsTerminal(), $"run {runId} to end");
        }

        Assert.Equal(RunStatus.Cancelled, (await cluster.Grains.GetGrain<IRunGrain>(cancelled.Snapshot.DriverRunId).GetAsync())!.Status);
        var driverEvents = await new Infrastructure.RunDriver(cluster.Grains).EventsAsync(cancelled.Snapshot.DriverRunId);
        Assert.Equal(RunEventNames.Cancelled, driverEvents[^1].Name);
        Assert.DoesNotContain(driverEvents, e => e.Name is RunEventNames.Failed or RunEventNames.RetryScheduled);
        var events = await driver.EventsAsync(id);
        var iterations = await driver.IterationsAsync(id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(events.Count, (await driver.EventsAsync(id)).Count);
        Assert.Equal(iterations.Count, (await driver.IterationsAsync(id)).Count);
        Assert.Equal(runs.Count, (await experiment.GetRunsAsync()).Count);

        var end = events[^1];
        Assert.Equal(ExperimentEventTypes.ExperimentEnd, end.Type);
        using (var data = JsonDocument.Parse(end.DataJson))
        {
            Assert.Equal(ConvergenceReasons.Cancelled, data.RootElement.GetProperty("reason").GetString());
        }

        var after = (await experiment.GetAsync())!;
        Assert.Equal(ExperimentStatus.Cancelled, after.Status);
        Assert.Equal(CommandOutcome.Conflict, (await experiment.CancelAsync()).Outcome);
        Assert.False(await experiment.AppendEventsAsync([new ExperimentEventDraft(after.EventCount + 1, ExperimentEventTypes.IterationStart, 99, "{}")]));
        output.WriteLine($"cancelled after {after.NumIterations} iterations; {runs.Count} runs, {events.Count} events");
    }
}
