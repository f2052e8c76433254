using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Tests.Experiments;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Fields;

/// <summary>
/// An experiment against a modeled field: it runs to a recorded convergence reason, says it is honest, every paired
/// run pins the field and carries its field blocks' cluster sums, and the same config and master seed give the same
/// search on 1 and 3 silos.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentOnModeledFieldTests(OneSiloCluster one, ThreeSiloCluster three)
{
    // The smallest batches a modeled field allows: 30 field blocks of 1,000 simulations each (docs/experiments.md#clustered-intervals).
    private static readonly TestSearch Small = new(Candidates: 4, Screening: 30_000, Evaluation: 60_000, Samples: 2, Final: 30_000, MaxIterations: 2, Patience: 2);

    [Fact]
    public async Task A_market_sampled_experiment_converges_says_honest_and_repeats_identically_on_one_and_three_silos()
    {
        var traces = new List<(string Where, string Trace)>();
        foreach (var (where, grains) in new[] { ("1 silo", one.Grains), ("3 silos", three.Grains) })
        {
            var driver = new ExperimentDriver(grains);
            var request = ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 17, Small);
            request["fieldModel"] = "market_sampled";
            request["fieldParametersArtifactId"] = await new FieldDriver(grains).ParametersArtifactIdAsync("market_sampled");
            var config = await driver.PlanAsync(request);
            Assert.Equal(("market_sampled", request["fieldParametersArtifactId"]!.GetValue<string>()), (config.FieldModel, config.FieldParametersArtifactId!));

            var id = ExperimentDriver.NewId("modeled");
            var experiment = await driver.RunAsync(id, config);
            Assert.Equal(FieldHonesty.Honest, experiment.FieldHonesty);
            Assert.NotNull(experiment.ConvergenceReason);
            Assert.NotNull(experiment.Result);

            // Every simulation run of the search played the modeled field (and pinned its parameters).
            var final = (await grains.GetGrain<IRunGrain>(experiment.Result.FinalRunId).GetAsync())!;
            Assert.Contains(config.FieldParametersArtifactId!, final.Spec.InputArtifactIds);
            var metrics = await PinnedArtifacts.ReadInlineAsync<PairedSimulationMetrics>(
                grains, final.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId);
            Assert.Equal("market_sampled", metrics.Field!.Model);
            // Its intervals count field blocks: every variant carries the cluster sums of the final's 30 blocks.
            Assert.All(metrics.Variants, v => Assert.Equal(30, v.Clusters!.Count));

            traces.Add((where, Trace(id, experiment, await driver.IterationsAsync(id), await driver.EventsAsync(id))));
        }

        Assert.True(traces[0].Trace == traces[1].Trace, "3 silos differ from 1 silo");
    }

    [Fact]
    public async Task Without_a_field_model_the_search_is_against_the_real_field_in_hindsight()
    {
        var driver = new ExperimentDriver(one.Grains);
        var config = await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 17, Small));
        Assert.Equal(("real", null), (config.FieldModel, config.FieldParametersArtifactId));
        Assert.Equal(FieldHonesty.Hindsight, FieldHonesty.Of(config.FieldModel));
    }

    private static string Trace(string id, ExperimentSnapshot experiment, IReadOnlyList<ExperimentIteration> iterations, IReadOnlyList<ExperimentEvent> events) =>
        CanonicalJson.Serialize(new
        {
            experiment.NumIterations, experiment.Converged, experiment.ConvergenceReason, experiment.IncumbentBids, experiment.Result, experiment.EventCount,
            iterations, events = events.Select(e => new { e.Sequence, e.Type, e.Iteration, e.DataJson }),
        }).Replace(id, "{experiment}", StringComparison.Ordinal);
}
