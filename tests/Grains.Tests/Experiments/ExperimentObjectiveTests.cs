using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Tests.Fields;
using LabSandbox.Grains.Tests.Simulations;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>
/// Each objective drives a whole search (docs/experiments.md#objectives): it runs to a recorded convergence reason,
/// every challenger and the final comparison carry the objective's paired estimate, the judge's decisions follow it,
/// and the same config and master seed give the same search twice on one silo and on three — against the real field
/// (hindsight) and against a modeled <c>market_sampled</c> field (honest).
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentObjectiveTests(OneSiloCluster one, ThreeSiloCluster three, ITestOutputHelper output)
{
    private static readonly string[] Reasons = [ConvergenceReasons.MaxIterations, ConvergenceReasons.PatienceExhausted, ConvergenceReasons.NoImprovementCi];

    [Theory]
    [InlineData("expected_payout", null)]
    [InlineData("p_first", null)]
    [InlineData("p_in_the_money", null)]
    [InlineData("risk_adjusted", 0.5)]
    public Task Each_objective_runs_to_a_recorded_convergence_reason_identically_on_one_and_three_silos(string objective, double? lambda) =>
        RunEverywhereAsync(objective, lambda, modeledField: false);

    [Theory]
    [InlineData("expected_payout", null)]
    [InlineData("p_first", null)]
    [InlineData("p_in_the_money", null)]
    [InlineData("risk_adjusted", 0.5)]
    public Task Each_objective_against_a_modeled_field_runs_to_a_recorded_convergence_reason_identically_on_one_and_three_silos(string objective, double? lambda) =>
        RunEverywhereAsync(objective, lambda, modeledField: true);

    private async Task RunEverywhereAsync(string objective, double? lambda, bool modeledField)
    {
        // A modeled field needs at least 30 field blocks of 1,000 simulations per batch (docs/experiments.md#clustered-intervals).
        var search = modeledField
            ? new TestSearch(Candidates: 4, Screening: 30_000, Evaluation: 60_000, Samples: 2, Final: 30_000, MaxIterations: 2, Patience: 2, Objective: objective, RiskAversion: lambda)
            : new TestSearch(Candidates: 4, Screening: 500, Evaluation: 1_000, Final: 4_000, MaxIterations: 3, Patience: 2, Objective: objective, RiskAversion: lambda);
        var traces = new List<(string Where, string Trace)>();
        foreach (var (where, grains) in new[] { ("1 silo, first", one.Grains), ("1 silo, second", one.Grains), ("3 silos", three.Grains) })
        {
            var driver = new ExperimentDriver(grains);
            var request = ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 20261206, search);
            if (modeledField)
            {
                request["fieldModel"] = "market_sampled";
                request["fieldParametersArtifactId"] = await new FieldDriver(grains).ParametersArtifactIdAsync("market_sampled");
            }

            var config = await driver.PlanAsync(request);
            Assert.Equal(objective, config.Search.Objective);
            Assert.Equal(lambda ?? 0, config.Search.RiskAversion);
            var id = ExperimentDriver.NewId($"objective-{objective}");
            var experiment = await driver.RunAsync(id, config);
            var iterations = await driver.IterationsAsync(id);
            var events = await driver.EventsAsync(id);
            AssertJudgedOn(objective, experiment, iterations, events);
            Assert.Equal(modeledField ? FieldHonesty.Honest : FieldHonesty.Hindsight, experiment.FieldHonesty);
            traces.Add((where, Trace(id, experiment, iterations, events)));
            if (where == "3 silos")
            {
                var r = experiment.Result!;
                output.WriteLine($"{objective} ({config.FieldModel} field): {experiment.ConvergenceReason} after {experiment.NumIterations} iterations; "
                    + $"{iterations.Sum(i => i.Challengers.Count(c => c.Pruned))} pruned, {iterations.Count(i => i.AcceptedChallenger is not null)} accepted; "
                    + $"final gain {r.ObjectiveImprovement!.Value:G6} [{r.ObjectiveImprovement.Low:G6}, {r.ObjectiveImprovement.High:G6}] {r.ObjectiveImprovement.Unit}, significant {r.Significant}");
            }
        }

        Assert.All(traces, t => Assert.True(t.Trace == traces[0].Trace, $"{objective}: {t.Where} differs from {traces[0].Where}"));
    }

    private static void AssertJudgedOn(string objective, ExperimentSnapshot experiment, IReadOnlyList<ExperimentIteration> iterations, IReadOnlyList<ExperimentEvent> events)
    {
        Assert.Contains(experiment.ConvergenceReason, Reasons);
        Assert.Equal(experiment.ConvergenceReason != ConvergenceReasons.MaxIterations, experiment.Converged);
        var result = experiment.Result!;
        Assert.Equal(objective, result.Objective);
        Assert.Equal(objective, result.ObjectiveImprovement!.Objective);
        Assert.Equal(result.ObjectiveImprovement.Low > 0, result.Significant);
        Assert.Equal(result.Improvement.Simulations, result.ObjectiveImprovement.Simulations);
        Assert.Equal(objective, iterations[0].IncumbentObjective!.Objective);

        foreach (var iteration in iterations.Skip(1))
        {
            Assert.All(iteration.Challengers, c =>
            {
                var gain = c.ObjectiveGain!;
                Assert.Equal(objective, gain.Objective);
                Assert.Equal(c.Gain.Simulations, gain.Simulations); // paired on the same simulations as the payout gain
                Assert.True(gain.Low <= gain.Value && gain.Value <= gain.High);
                if (objective == "expected_payout")
                {
                    Assert.Equal((c.Gain.MeanCents, c.Gain.LowCents, c.Gain.HighCents), ((long)gain.Value, (long)gain.Low, (long)gain.High));
                }
            });

            // The accepted challenger's objective interval lies above zero and its value is the largest of those that do.
            if (iteration.AcceptedChallenger is { } a)
            {
                var accepted = iteration.Challengers[a].ObjectiveGain!;
                Assert.True(accepted.Low > 0);
                Assert.All(iteration.Challengers.Where(c => !c.Pruned && c.ObjectiveGain!.Low > 0), c => Assert.True(c.ObjectiveGain!.Value <= accepted.Value));
            }
            else
            {
                Assert.DoesNotContain(iteration.Challengers, c => !c.Pruned && c.ObjectiveGain!.Low > 0);
            }
        }

        using var start = JsonDocument.Parse(events.First(e => e.Type == ExperimentEventTypes.ExperimentStart).DataJson);
        Assert.Equal(objective, start.RootElement.GetProperty("search").GetProperty("objective").GetString());
        using var end = JsonDocument.Parse(events[^1].DataJson);
        Assert.Equal(objective, end.RootElement.GetProperty("objective").GetString());
        Assert.All(events.Where(e => e.Type is ExperimentEventTypes.Prune or ExperimentEventTypes.EvalResult or ExperimentEventTypes.IterationAccepted),
            e => Assert.Contains($"\"objective\":\"{objective}\"", e.DataJson, StringComparison.Ordinal));
    }

    private static string Trace(string id, ExperimentSnapshot experiment, IReadOnlyList<ExperimentIteration> iterations, IReadOnlyList<ExperimentEvent> events) =>
        CanonicalJson.Serialize(new
        {
            experiment.NumIterations, experiment.Converged, experiment.ConvergenceReason, experiment.IncumbentBids, experiment.Result, experiment.EventCount,
            iterations, events = events.Select(e => new { e.Sequence, e.Type, e.Iteration, e.DataJson }),
        }).Replace(id, "{experiment}", StringComparison.Ordinal);
}
