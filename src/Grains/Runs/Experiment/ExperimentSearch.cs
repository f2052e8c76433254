using LabSandbox.Grains.Common;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Runs.PairedSimulation;
using E = LabSandbox.Grains.Interfaces.Experiments.ExperimentEventTypes;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// The search (docs/experiments.md). Iteration 0 evaluates the initial entry. Each later iteration proposes
/// challengers around the incumbent from its row of the seed matrix, screens all of them against the incumbent on
/// one small sample of common simulations, prunes those whose gain's upper bound is below zero, evaluates the
/// survivors on further samples (runs in parallel, merged in sample order), and accepts the best challenger whose
/// paired 95% interval lies above zero. It stops on patience, a neighbourhood that is significantly worse
/// everywhere, or the iteration limit, then compares the best entry with the initial one on fresh simulations.
/// Every decision is a function of the config, the master seed and the runs' exact totals, so a resumed search
/// repeats its last iteration identically and its reports are recognised as repeats.
/// </summary>
public sealed class ExperimentSearch(
    string experimentId,
    ExperimentConfig config,
    IReadOnlyList<ExperimentIteration> recorded,
    IExperimentGrain experiment,
    EntryProposer proposer,
    PairedRunEvaluations evaluations,
    IReadOnlyDictionary<string, OptimizerTeam> teams,
    Func<double, string, Task<bool>> reportProgress)
{
    private const string Incumbent = "incumbent";
    private readonly List<ExperimentEventDraft> _pending = [];
    private readonly ExperimentSearchSettings _settings = config.Search;
    private long _sequence = recorded.Count == 0 ? 0 : recorded[^1].EventsThrough;

    public async Task<ExperimentOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var history = recorded.ToList();
        if (history.Count == 0)
        {
            Emit(E.ExperimentStart, null, new
            {
                configDigest = ExperimentRuns.ConfigDigest(config), config.MasterSeed, pool = config.Pool, config.InitialCandidateId,
                initialBids = config.InitialBids, search = _settings,
            });
            using (LabTracing.StartExperimentSpan(LabTracing.ExperimentIteration, experimentId, 0))
            {
                history.Add(await InitialAsync(cancellationToken));
            }
        }

        var reason = StopReason(history[^1]);
        while (reason is null)
        {
            using var iteration = LabTracing.StartExperimentSpan(LabTracing.ExperimentIteration, experimentId, history[^1].Iteration + 1);
            history.Add(await IterateAsync(history[^1], cancellationToken));
            reason = StopReason(history[^1]);
        }

        var last = history[^1];
        var converged = reason is ConvergenceReasons.PatienceExhausted or ConvergenceReasons.NoImprovementCi;
        if (converged)
        {
            Emit(E.EarlyStop, last.Iteration, new { reason, last.IterationsWithoutImprovement, _settings.Patience });
        }

        return await FinishAsync(history, reason, converged, cancellationToken);
    }

    private async Task<ExperimentIteration> InitialAsync(CancellationToken cancellationToken)
    {
        var sims = _settings.ScreeningSims + _settings.EvaluationSims;
        Emit(E.Batch, 0, new { batch = RunPurposes.Initial, sampleIndexes = new[] { 0 }, simsPerSample = new[] { sims }, challengers = Array.Empty<int>() });
        await FlushAsync();
        var run = await evaluations.EvaluateAsync(0, 0, RunPurposes.Initial, SeedMatrix.Evaluation(config.MasterSeed, 0, 0), sims,
            [new PairedVariant(Incumbent, config.InitialBids)], cancellationToken);
        var totals = new ChallengerTotals(_settings);
        totals.Add(run.Metrics.NSims, run.Metrics.Variants[0], run.Metrics.Variants[0]);
        var value = totals.ObjectiveValue().ToObjectiveStatistic();
        Emit(E.EvalResult, 0, new { challenger = Incumbent, simulations = sims, payout = totals.Payout(), _settings.Objective, objectiveValue = value });
        return await RecordAsync(new ExperimentIteration(
            0, config.InitialBids, totals.Payout(), [], null, config.InitialBids, 0, [run.Ref], 0, IncumbentObjective: value));
    }

    private async Task<ExperimentIteration> IterateAsync(ExperimentIteration previous, CancellationToken cancellationToken)
    {
        var it = previous.Iteration + 1;
        var incumbent = previous.IncumbentAfter;
        if (!await reportProgress(100.0 * previous.Iteration / _settings.MaxIterations, $"iteration {it}"))
        {
            throw new OperationCanceledException($"Experiment '{experimentId}' is no longer this attempt's.");
        }

        Emit(E.IterationStart, it, new { incumbentBids = incumbent, previous.IterationsWithoutImprovement });
        // Off the grain's turn: a perturbed_dp proposal runs the optimizer (milliseconds each).
        var proposed = await Task.Run(
            () => proposer.Propose(incumbent.ToEntrantBids(), _settings.CandidatesPerIteration, SeedMatrix.Proposal(config.MasterSeed, it)),
            cancellationToken);
        var challengers = proposed.Select(c => new Challenger(c.Move, c.Bids.ToEntryBids(), c.Spend)).ToList();
        var incumbentTotals = new ChallengerTotals(_settings);
        var totals = challengers.Select(_ => new ChallengerTotals(_settings)).ToArray();
        var pruned = new bool[challengers.Count];
        var runs = new List<ExperimentRunRef>();
        if (challengers.Count > 0)
        {
            Emit(E.Batch, it, new
            {
                batch = "screening", sampleIndexes = new[] { 0 }, simsPerSample = new[] { _settings.ScreeningSims },
                challengers = challengers.Select((c, i) => new { challenger = i, c.Move, c.Bids, spendPoints = c.Spend }),
            });
            await FlushAsync();
            var all = Enumerable.Range(0, challengers.Count).ToArray();
            var screening = await evaluations.EvaluateAsync(it, 0, RunPurposes.Evaluation, SeedMatrix.Evaluation(config.MasterSeed, it, 0),
                _settings.ScreeningSims, Variants(incumbent, challengers, all), cancellationToken);
            Merge(screening, incumbentTotals, totals, runs);

            // Judged on the whole screening batch at once: the threshold is fixed before anything is pruned.
            if (_settings.PruneRule == PruneRules.UpperConfidenceBound)
            {
                foreach (var i in all)
                {
                    var bound = totals[i].ObjectiveGain(_settings.PruneZ);
                    if (IterationJudge.Prune(bound))
                    {
                        pruned[i] = true;
                        var payout = totals[i].Gain(_settings.PruneZ);
                        Emit(E.Prune, it, new
                        {
                            challenger = i, payout.Simulations, meanGainCents = payout.MeanCents, upperBoundCents = payout.HighCents, z = _settings.PruneZ,
                            _settings.Objective, objectiveBound = bound.ToObjectiveStatistic(),
                        });
                    }
                }
            }

            var survivors = all.Where(i => !pruned[i]).ToArray();
            if (survivors.Length > 0)
            {
                var samples = Enumerable.Range(1, _settings.EvaluationSamples).ToArray();
                Emit(E.Batch, it, new { batch = "full", sampleIndexes = samples, simsPerSample = samples.Select(SampleSims), challengers = survivors });
                await FlushAsync();
                var results = await Task.WhenAll(samples.Select(s => evaluations.EvaluateAsync(it, s, RunPurposes.Bootstrap,
                    SeedMatrix.Evaluation(config.MasterSeed, it, s), SampleSims(s), Variants(incumbent, challengers, survivors), cancellationToken)));
                foreach (var result in results)
                {
                    Merge(result, incumbentTotals, totals, runs);
                }

                foreach (var i in survivors)
                {
                    Emit(E.EvalResult, it, new
                    {
                        challenger = i, totals[i].Simulations, payout = totals[i].Payout(), gain = totals[i].Gain(),
                        _settings.Objective, objectiveGain = totals[i].ObjectiveGain().ToObjectiveStatistic(),
                    });
                }
            }
        }

        var accepted = IterationJudge.Accept(
            [.. Enumerable.Range(0, challengers.Count).Where(i => !pruned[i]).Select(i => (i, totals[i].ObjectiveGain()))]);
        var outcomes = challengers.Select((c, i) => new ChallengerResult(
            i, c.Move, c.Bids, c.Spend, pruned[i], totals[i].Payout(), totals[i].Gain(), totals[i].ObjectiveGain().ToObjectiveStatistic())).ToList();

        PayoutStatistic? acceptedPayout = null;
        if (accepted is { } b)
        {
            // The winner of a batch is, on average, luckier than it is good: measure it again alone on fresh simulations.
            var sims = _settings.ScreeningSims + _settings.EvaluationSims;
            var best = await evaluations.EvaluateAsync(it, 0, RunPurposes.Best, SeedMatrix.Best(config.MasterSeed, it), sims,
                [new PairedVariant("best", challengers[b].Bids)], cancellationToken);
            runs.Add(best.Ref);
            acceptedPayout = best.Metrics.Variants[0].Payout;
            Emit(E.IterationAccepted, it, new
            {
                challenger = b, challengers[b].Move, challengers[b].Bids, gain = outcomes[b].Gain, payout = outcomes[b].Payout, measuredAlone = acceptedPayout,
                _settings.Objective, outcomes[b].ObjectiveGain,
            });
        }

        var measured = incumbentTotals.Simulations >= 2;
        return await RecordAsync(new ExperimentIteration(
            it, incumbent, measured ? incumbentTotals.Payout() : new PayoutStatistic(0, 0, 0, 0, 0), outcomes, accepted,
            accepted is { } c ? challengers[c].Bids : incumbent, accepted is null ? previous.IterationsWithoutImprovement + 1 : 0, runs, 0,
            acceptedPayout, measured ? incumbentTotals.ObjectiveValue().ToObjectiveStatistic() : null));
    }

    private async Task<ExperimentOutcome> FinishAsync(List<ExperimentIteration> history, string reason, bool converged, CancellationToken cancellationToken)
    {
        var last = history[^1];
        var best = last.IncumbentAfter;
        var found = history.LastOrDefault(h => h.AcceptedChallenger is not null);
        var bestEstimate = (found?.AcceptedPayout ?? history[0].IncumbentPayout).MeanCents;

        Emit(E.Batch, last.Iteration, new { batch = RunPurposes.Final, sampleIndexes = new[] { 0 }, simsPerSample = new[] { _settings.FinalSims }, challengers = Array.Empty<int>() });
        await FlushAsync();
        var final = await evaluations.EvaluateAsync(last.Iteration, 0, RunPurposes.Final, SeedMatrix.Final(config.MasterSeed, 0), _settings.FinalSims,
            [new PairedVariant("initial", config.InitialBids), new PairedVariant("best", best)], cancellationToken);
        var improvement = final.Metrics.Variants[1].Gain;
        var (initial, bestSums) = (final.Metrics.Variants[0].Paired(final.Metrics.NSims, final.Metrics.Variants[0]),
            final.Metrics.Variants[1].Paired(final.Metrics.NSims, final.Metrics.Variants[0]));
        var objectiveGain = ObjectiveStatistics.Gain(_settings.Objective, _settings.RiskAversion, bestSums);
        var objectiveImprovement = objectiveGain.ToObjectiveStatistic();
        var bidsArtifact = final.Run.Artifacts.Single(a => a.Kind == PairedSimulationRunHandler.BidsArtifactKind).ArtifactId;
        var candidate = ExperimentCandidates.Record(experimentId, config, best, final.Ref.RunId, bidsArtifact, teams);
        var result = new ExperimentResult(
            candidate.CandidateId, best, found?.Iteration ?? 0, bestEstimate, final.Metrics.Variants[0].Payout.MeanCents,
            final.Metrics.Variants[1].Payout.MeanCents, improvement, IterationJudge.Significant(objectiveGain), final.Ref.RunId,
            _settings.Objective, objectiveImprovement,
            ObjectiveStatistics.Value(_settings.Objective, _settings.RiskAversion, initial).ToObjectiveStatistic(),
            ObjectiveStatistics.Value(_settings.Objective, _settings.RiskAversion, bestSums).ToObjectiveStatistic());
        Emit(E.ExperimentEnd, null, new
        {
            reason, converged, numIterations = last.Iteration, bestCandidateId = candidate.CandidateId, improvement, result.Significant,
            _settings.Objective, objectiveImprovement,
        });
        await FlushAsync();
        var outcome = new ExperimentOutcome(reason, converged, result, candidate);
        return await experiment.CompleteAsync(outcome) ? outcome : throw new OperationCanceledException($"Experiment '{experimentId}' has ended.");
    }

    /// <summary>Why the search stops after <paramref name="last"/>, or null to go on (also re-derived on resume).</summary>
    private string? StopReason(ExperimentIteration last)
    {
        if (last.Iteration == 0)
        {
            return null;
        }

        if (IterationJudge.NoImprovementPossible([.. last.Challengers.Select(JudgedGain)]))
        {
            return ConvergenceReasons.NoImprovementCi;
        }

        return last.IterationsWithoutImprovement >= _settings.Patience ? ConvergenceReasons.PatienceExhausted
            : last.Iteration >= _settings.MaxIterations ? ConvergenceReasons.MaxIterations
            : null;
    }

    /// <summary>
    /// The gain the judge read. An iteration recorded before objectives existed judged expected payout: its 95% payout
    /// interval is that estimate (se recovered from the interval's width).
    /// </summary>
    private static ObjectiveEstimate JudgedGain(ChallengerResult c) =>
        c.ObjectiveGain?.ToObjectiveEstimate() ?? new ObjectiveEstimate(
            ExperimentObjectives.ExpectedPayout, ExperimentObjectives.Cents, c.Gain.Simulations, c.Gain.MeanCents,
            (c.Gain.HighCents - c.Gain.LowCents) / (2 * PayoutStatistics.Z95), c.Gain.LowCents, c.Gain.HighCents, c.Gain.TotalCents);

    private long SampleSims(int sample) =>
        (_settings.EvaluationSims / _settings.EvaluationSamples) + (sample <= _settings.EvaluationSims % _settings.EvaluationSamples ? 1 : 0);

    private static List<PairedVariant> Variants(IReadOnlyList<EntryBid> incumbent, IReadOnlyList<Challenger> challengers, IEnumerable<int> indexes) =>
        [new PairedVariant(Incumbent, incumbent), .. indexes.Select(i => new PairedVariant(ChallengerKey(i), challengers[i].Bids))];

    private static string ChallengerKey(int index) => $"c{index:D2}";

    private static void Merge(PairedRunResult result, ChallengerTotals incumbent, ChallengerTotals[] challengers, List<ExperimentRunRef> runs)
    {
        runs.Add(result.Ref);
        var reference = result.Metrics.Variants[0]; // the incumbent: every variant's sums are paired with it
        foreach (var variant in result.Metrics.Variants)
        {
            var into = variant.Key == Incumbent ? incumbent : challengers[int.Parse(variant.Key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
            into.Add(result.Metrics.NSims, variant, reference);
        }
    }

    private async Task<ExperimentIteration> RecordAsync(ExperimentIteration iteration)
    {
        await FlushAsync();
        var record = iteration with { EventsThrough = _sequence };
        if (!await experiment.RecordIterationAsync(record))
        {
            throw new OperationCanceledException($"Experiment '{experimentId}' has ended.");
        }

        LabMetrics.ExperimentIterations.Add(1, new(LabMetrics.ObjectiveTag, _settings.Objective),
            new(LabMetrics.FieldHonestyTag, FieldHonesty.Of(config.FieldModel)));
        return record;
    }

    private void Emit(string type, int? iteration, object data) =>
        _pending.Add(new ExperimentEventDraft(++_sequence, type, iteration, CanonicalJson.Serialize(data)));

    /// <summary>A proposed entry with its bids as the contracts record them.</summary>
    private sealed record Challenger(string Move, IReadOnlyList<EntryBid> Bids, int Spend);

    private async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (!await experiment.AppendEventsAsync([.. _pending]))
        {
            throw new OperationCanceledException($"Experiment '{experimentId}' has ended.");
        }

        _pending.Clear();
    }
}
