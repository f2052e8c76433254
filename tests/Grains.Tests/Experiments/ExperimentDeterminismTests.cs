using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>The same config and master seed give the same search — iterations, decisions, events, best entry and payouts — on any cluster.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentDeterminismTests(OneSiloCluster one, ThreeSiloCluster three)
{
    [Fact]
    public async Task Same_config_and_master_seed_twice_and_on_one_and_three_silos_give_identical_searches()
    {
        var outcomes = new List<(string Where, string Trace)>();
        foreach (var (where, grains) in new[] { ("1 silo, first", one.Grains), ("1 silo, second", one.Grains), ("3 silos", three.Grains) })
        {
            var driver = new ExperimentDriver(grains);
            var config = await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 20261123, new TestSearch()));
            var id = ExperimentDriver.NewId("determinism");
            var experiment = await driver.RunAsync(id, config);
            var iterations = await driver.IterationsAsync(id);
            var events = await driver.EventsAsync(id);
            outcomes.Add((where, Trace(id, experiment, iterations, events)));
        }

        Assert.All(outcomes, o => Assert.True(o.Trace == outcomes[0].Trace, $"{o.Where} differs from {outcomes[0].Where}"));
    }

    [Fact]
    public async Task Another_master_seed_gives_another_search()
    {
        var driver = new ExperimentDriver(one.Grains);
        var start = await driver.NaiveEvCandidateAsync();
        var traces = new List<string>();
        foreach (var seed in new long[] { 1, 2 })
        {
            var id = ExperimentDriver.NewId($"seed-{seed}");
            var experiment = await driver.RunAsync(id, await driver.PlanAsync(ExperimentDriver.Request(start, seed, new TestSearch(MaxIterations: 2))));
            traces.Add(Trace(id, experiment, await driver.IterationsAsync(id), await driver.EventsAsync(id)));
        }

        Assert.NotEqual(traces[0], traces[1]);
    }

    /// <summary>Everything the search decided and measured, with the experiment's own id (part of run ids) taken out.</summary>
    private static string Trace(string id, ExperimentSnapshot experiment, IReadOnlyList<ExperimentIteration> iterations, IReadOnlyList<ExperimentEvent> events) =>
        CanonicalJson.Serialize(new
        {
            experiment.NumIterations, experiment.Converged, experiment.ConvergenceReason, experiment.IncumbentBids, experiment.Result, experiment.EventCount,
            iterations, events = events.Select(e => new { e.Sequence, e.Type, e.Iteration, e.DataJson }),
        }).Replace(id, "{experiment}", StringComparison.Ordinal);
}
