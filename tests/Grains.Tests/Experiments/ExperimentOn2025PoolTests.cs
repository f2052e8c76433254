using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Experiment;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Tests.Simulations;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>
/// One experiment on the 2025 real pool (its lab-marked entry replaced), started from the Lab's dp-v1 naive_ev
/// candidate: the result compares the best entry with that candidate on fresh paired simulations, pruned
/// challengers are provably never fully evaluated, and every simulation run is reachable and tagged.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentOn2025PoolTests(ThreeSiloCluster cluster, ITestOutputHelper output)
{
    private static readonly TestSearch Search = new(Candidates: 12, Screening: 2_000, Evaluation: 8_000, Samples: 4, Final: 100_000, MaxIterations: 12, Patience: 4);
    private static Task<Finished>? _finished;

    private sealed record Finished(string Id, CandidateRecord Start, ExperimentSnapshot Experiment, IReadOnlyList<ExperimentIteration> Iterations, IReadOnlyList<ExperimentEvent> Events);

    private Task<Finished> FinishedAsync() => _finished ??= RunOnceAsync();

    private async Task<Finished> RunOnceAsync()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var start = await driver.NaiveEvCandidateAsync();
        var id = ExperimentDriver.NewId("2025");
        var experiment = await driver.RunAsync(id, await driver.PlanAsync(ExperimentDriver.Request(start, 2025, Search)));
        return new Finished(id, start, experiment, await driver.IterationsAsync(id), await driver.EventsAsync(id));
    }

    [Fact]
    public async Task The_best_entry_is_compared_with_the_dp_v1_naive_ev_candidate_on_fresh_paired_simulations()
    {
        var (id, start, experiment, iterations, _) = await FinishedAsync();
        var result = experiment.Result!;
        Assert.Equal(start.Bids.Select(b => (b.TeamId, b.BidPoints)), experiment.Config.InitialBids.Select(b => (b.TeamId, b.BidPoints)));
        Assert.Equal(start.CandidateId, experiment.Config.InitialCandidateId);
        Assert.Equal("calcutta-2025", experiment.Config.Pool.Id);
        Assert.NotNull(experiment.Config.ExcludedEntryKey);

        // The numbers in the result are the final run's, which paired "initial" (the candidate) with "best".
        var final = await cluster.Grains.GetGrain<IRunGrain>(result.FinalRunId).GetAsync();
        Assert.Equal(new RunExperimentTag(id, experiment.NumIterations, 0, RunPurposes.Final), final!.Spec.Experiment);
        var metrics = await PinnedArtifacts.ReadInlineAsync<PairedSimulationMetrics>(cluster.Grains, final.Artifacts.Single(a => a.Kind == "metrics").ArtifactId);
        Assert.Equal(Search.Final, metrics.NSims);
        Assert.Equal(["initial", "best"], metrics.Variants.Select(v => v.Key));
        Assert.Equal(experiment.Config.InitialBids, metrics.Variants[0].Bids);
        Assert.Equal(result.BestBids, metrics.Variants[1].Bids);
        Assert.Equal(metrics.Variants[0].Payout.MeanCents, result.InitialExpectedPayoutCents);
        Assert.Equal(metrics.Variants[1].Payout.MeanCents, result.FinalExpectedPayoutCents);
        Assert.Equal(metrics.Variants[1].Gain, result.Improvement);
        Assert.Equal(metrics.Variants[1].PayoutCentsTotal - metrics.Variants[0].PayoutCentsTotal, result.Improvement.TotalCents);
        Assert.Equal(result.Improvement.LowCents > 0, result.Significant);
        Assert.True(result.Improvement.LowCents <= result.Improvement.MeanCents && result.Improvement.MeanCents <= result.Improvement.HighCents);

        // Either a significant improvement by a different entry, or a reported interval that does not exclude zero.
        if (result.Significant)
        {
            Assert.NotEqual(experiment.Config.InitialBids, result.BestBids);
            Assert.NotNull(iterations.LastOrDefault(i => i.AcceptedChallenger is not null));
        }
        else
        {
            Assert.True(result.Improvement.LowCents <= 0);
        }

        // The best entry's own estimate comes from its lone re-evaluation when it was accepted (its "best" run).
        var accepting = iterations.Last(i => i.AcceptedChallenger is not null);
        Assert.Equal(accepting.Iteration, result.BestFoundAtIteration);
        Assert.Equal(result.BestBids, accepting.IncumbentAfter);
        Assert.Equal(accepting.AcceptedPayout!.MeanCents, result.BestExpectedPayoutCents);
        var bestRun = await cluster.Grains.GetGrain<IRunGrain>(accepting.Runs.Single(r => r.RunPurpose == RunPurposes.Best).RunId).GetAsync();
        var bestMetrics = await PinnedArtifacts.ReadInlineAsync<PairedSimulationMetrics>(cluster.Grains, bestRun!.Artifacts.Single(a => a.Kind == "metrics").ArtifactId);
        Assert.Equal(result.BestBids, bestMetrics.Variants.Single().Bids);
        Assert.Equal(Search.Screening + Search.Evaluation, bestMetrics.NSims);
        Assert.All(iterations.Where(i => i.AcceptedChallenger is null), i => Assert.DoesNotContain(i.Runs, r => r.RunPurpose == RunPurposes.Best));

        var candidate = await cluster.Grains.GetGrain<ICandidateGrain>(result.BestCandidateId).GetAsync();
        Assert.Equal(CandidateSourceKinds.Experiment, candidate!.SourceKind);
        Assert.Equal(id, candidate.ExperimentId);
        Assert.Equal(result.BestBids.Select(b => (b.TeamId, b.BidPoints)), candidate.Bids.Select(b => (b.TeamId, b.BidPoints)));
        Assert.Equal(result.FinalRunId, candidate.SourceRunId);

        output.WriteLine(
            $"2025 pool, start {start.CandidateId} (dp-v1 naive_ev), excluded {experiment.Config.ExcludedEntryKey}: {experiment.NumIterations} iterations, " +
            $"{iterations.Count(i => i.AcceptedChallenger is not null)} accepted, reason {experiment.ConvergenceReason}; final {Search.Final:N0} paired sims: " +
            $"initial {result.InitialExpectedPayoutCents} ¢, best {result.FinalExpectedPayoutCents} ¢, gain {result.Improvement.MeanCents} ¢ " +
            $"[{result.Improvement.LowCents}, {result.Improvement.HighCents}] 95% — significant: {result.Significant}; best measured alone when accepted {result.BestExpectedPayoutCents} ¢");
    }

    [Fact]
    public async Task Pruned_challengers_never_receive_full_evaluation()
    {
        var (id, _, _, iterations, events) = await FinishedAsync();
        var prunes = events.Where(e => e.Type == ExperimentEventTypes.Prune).Select(e => (e.Iteration!.Value, Challenger(e))).ToList();
        var evaluated = events.Where(e => e.Type == ExperimentEventTypes.EvalResult && e.Iteration > 0).Select(e => (e.Iteration!.Value, Challenger(e))).ToHashSet();
        Assert.NotEmpty(prunes);
        foreach (var (iteration, challenger) in prunes)
        {
            Assert.DoesNotContain((iteration, challenger), evaluated);
            var record = iterations.Single(i => i.Iteration == iteration).Challengers[challenger];
            Assert.True(record.Pruned);
            Assert.Equal(Search.Screening, record.Payout.Simulations);

            // No further sample of that iteration carried the challenger.
            foreach (var run in iterations.Single(i => i.Iteration == iteration).Runs.Where(r => r.SampleIndex > 0))
            {
                var snapshot = await cluster.Grains.GetGrain<IRunGrain>(run.RunId).GetAsync();
                var parameters = JsonSerializer.Deserialize<PairedSimulationParams>(snapshot!.Spec.ParamsJson, ContentDigest.Options)!;
                Assert.DoesNotContain($"c{challenger:D2}", parameters.Variants.Select(v => v.Key));
            }
        }

        // Survivors got every sample: screening plus the full evaluation.
        Assert.All(iterations.SelectMany(i => i.Challengers).Where(c => !c.Pruned), c => Assert.Equal(Search.Screening + Search.Evaluation, c.Payout.Simulations));
        output.WriteLine($"{prunes.Count} challengers pruned after {Search.Screening:N0} simulations; {evaluated.Count} fully evaluated ({id})");
    }

    [Fact]
    public async Task Every_simulation_run_is_reachable_from_the_experiment_and_names_its_place()
    {
        var (id, _, experiment, iterations, _) = await FinishedAsync();
        var listed = await cluster.Grains.GetGrain<IExperimentGrain>(id).GetRunsAsync();
        Assert.Equal(listed.Select(r => r.RunId).Distinct().Count(), listed.Count);
        Assert.Equal(
            iterations.SelectMany(i => i.Runs).Append(listed.Single(r => r.RunPurpose == RunPurposes.Final)).Select(r => r.RunId),
            listed.Select(r => r.RunId));
        foreach (var reference in listed)
        {
            var run = await cluster.Grains.GetGrain<IRunGrain>(reference.RunId).GetAsync();
            Assert.Equal(RunStatus.Succeeded, run!.Status);
            Assert.Equal(RunKinds.PairedSimulation, run.Spec.Kind);
            Assert.Equal(new RunExperimentTag(id, reference.Iteration, reference.SampleIndex, reference.RunPurpose), run.Spec.Experiment);
        }

        // Nothing else in the catalog claims to belong to this experiment.
        var tagged = new List<string>();
        for (var shard = 0; shard < RunIndex.ShardCount; shard++)
        {
            RunCursor? after = null;
            while (true)
            {
                var page = await cluster.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(shard)).QueryAsync(new RunQuery(RunKinds.PairedSimulation, null, after, 500));
                foreach (var entry in page)
                {
                    if ((await cluster.Grains.GetGrain<IRunGrain>(entry.RunId).GetAsync())?.Spec.Experiment?.ExperimentId == id)
                    {
                        tagged.Add(entry.RunId);
                    }
                }

                if (page.Count < 500)
                {
                    break;
                }

                after = new RunCursor(page[^1].CreatedAt, page[^1].RunId);
            }
        }

        Assert.Equal(listed.Select(r => r.RunId).Order(), tagged.Order());
        Assert.Equal([RunPurposes.Initial], listed.Where(r => r.Iteration == 0).Select(r => r.RunPurpose));
        Assert.Contains(listed, r => r.RunPurpose == RunPurposes.Bootstrap);
        Assert.Contains(listed, r => r.RunPurpose == RunPurposes.Best);
        Assert.Equal(experiment.DriverRunId, ExperimentRunsDriver(id));
    }

    private static string ExperimentRunsDriver(string id) => LabSandbox.Grains.Runs.Experiment.ExperimentRuns.DriverRunId(id);

    private static int Challenger(ExperimentEvent e)
    {
        using var data = JsonDocument.Parse(e.DataJson);
        return data.RootElement.GetProperty("challenger").GetInt32();
    }
}
