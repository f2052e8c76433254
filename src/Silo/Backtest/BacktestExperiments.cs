using System.Globalization;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.FieldFit;

namespace LabSandbox.Silo.Backtest;

/// <summary>An experiment strategy's year: the experiment, its best entry as a candidate, and the bids that take the seat.</summary>
public sealed record BacktestExperiment(string Strategy, string ExperimentId, string BestCandidateId, string ConvergenceReason, SeatEntry Seat);

/// <summary>
/// The experiment strategies: an experiment from the year's ridge dp-v1 candidate, through the product's own experiment
/// factory (the same request the API takes), whose best entry then takes the seat like any other strategy. The search is
/// kept modest and scaled to the backtest's simulations so the whole backtest stays within minutes.
/// </summary>
public sealed class BacktestExperiments(IGrainFactory grains, SpecDerivedRuns runs)
{
    public const int CandidatesPerIteration = 8;
    public const int MaxIterations = 8;
    public const int Patience = 3;

    public const int EvaluationSamples = 2;

    /// <summary>
    /// Screening, evaluation and final simulations for a backtest of <paramref name="nSims"/> per year. Over a modeled
    /// field every batch (each evaluation sample included) has at least 30 field blocks, the fewest its clustered
    /// intervals accept (docs/experiments.md#clustered-intervals).
    /// </summary>
    public static (long Screening, long Evaluation, long Final) SearchSims(long nSims, bool modeled)
    {
        var (screening, evaluation, final) = (Math.Clamp(nSims / 50, 100, 2_000), Math.Clamp(nSims / 25, 100, 4_000), Math.Clamp(nSims / 5, 1_000, 20_000));
        return modeled
            ? (Math.Max(screening, ModeledBatch), Math.Max(evaluation, EvaluationSamples * ModeledBatch), Math.Max(final, ModeledBatch))
            : (screening, evaluation, final);
    }

    private const long ModeledBatch = ClusteredStatistics.MinimumClusters * FieldBlocks.SimulationsPerField;

    /// <param name="field">The request's field: <c>fieldModel</c> and <c>fieldParametersArtifactId</c>, or nothing for the real field.</param>
    public async Task<BacktestExperiment> RunAsync(
        string strategy, CandidateRecord ridge, string advancementArtifactId, JsonObject field, BacktestOptions options, CancellationToken cancellationToken)
    {
        var (screening, evaluation, final) = SearchSims(options.NSims, modeled: field.ContainsKey("fieldModel"));
        var request = new JsonObject
        {
            ["name"] = $"Backtest {strategy} {ridge.CalcuttaId}",
            ["calcuttaId"] = ridge.CalcuttaId,
            ["advancementArtifactId"] = advancementArtifactId,
            ["marketShareArtifactId"] = ridge.MarketShareArtifactId,
            ["startingState"] = ridge.StartingState,
            ["excludedEntryKey"] = ridge.ExcludedEntryKey,
            ["initialCandidateId"] = ridge.CandidateId,
            ["masterSeed"] = options.Seed,
            ["candidatesPerIteration"] = CandidatesPerIteration,
            ["screeningSims"] = screening,
            ["evaluationSims"] = evaluation,
            ["evaluationSamples"] = EvaluationSamples,
            ["finalSims"] = final,
            ["maxIterations"] = MaxIterations,
            ["patience"] = Patience,
        };
        foreach (var (key, value) in field)
        {
            request[key] = value?.DeepClone();
        }

        var creation = await grains.GetGrain<IExperimentFactoryGrain>(0).CreateAsync(request.ToJsonString());
        if (creation.Outcome != ExperimentCreationOutcome.Created || creation.Experiment is null)
        {
            throw new InvalidOperationException($"{strategy} experiment for {ridge.CalcuttaId}: {creation.Outcome} "
                + string.Join(" ", creation.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) + creation.Reason);
        }

        await runs.WaitSucceededAsync(creation.Experiment.DriverRunId, cancellationToken);
        var done = await grains.GetGrain<IExperimentGrain>(creation.Experiment.ExperimentId).GetAsync();
        var result = done?.Result ?? throw new InvalidOperationException($"Experiment {creation.Experiment.ExperimentId} ended without a result.");
        var bids = result.BestBids.Select(b => new Grains.Engine.Simulation.EntrantBid(b.TeamId, b.BidPoints)).ToList();
        return new BacktestExperiment(strategy, done.ExperimentId, result.BestCandidateId, done.ConvergenceReason ?? "",
            new SeatEntry(strategy, bids, result.BestCandidateId));
    }

    /// <summary>
    /// The modeled field the honest experiment searches against: <c>history_resampled</c>, the closer of the two models to
    /// the real fields in the calibration (docs/field-models.md: real entries take 1.5× their fair share against it, 1.7×
    /// against <c>market_sampled</c>, and its money is a little more concentrated, like the real fields').
    /// </summary>
    public const string ModeledFieldModel = FieldModelKinds.HistoryResampled;

    /// <summary>Which field each experiment strategy searched against, as the report states it.</summary>
    public const string FieldNote = "`experiment_modeled` searched against `" + ModeledFieldModel + "` fields fitted on the other years (honest; "
        + "the model is the closer of the two to the real fields in docs/field-models.md), `experiment_real` against the pool's real entries (hindsight).";

    /// <summary>
    /// The request fields choosing the experiment's field: none for the real field; for the modeled one the model and the
    /// <c>field_parameters</c> artifact of the pool's (spec-derived, so shared by every rerun) <c>field_fit</c> run.
    /// </summary>
    public async Task<JsonObject> FieldAsync(string strategy, string calcuttaId, CancellationToken cancellationToken)
    {
        if (strategy == BacktestStrategies.ExperimentReal)
        {
            return [];
        }

        var (runId, _) = await runs.EnsureAsync(RunKinds.FieldFit, new JsonObject { ["calcuttaId"] = calcuttaId, ["fieldModel"] = ModeledFieldModel });
        var run = await runs.WaitSucceededAsync(runId, cancellationToken);
        return new JsonObject
        {
            ["fieldModel"] = ModeledFieldModel,
            ["fieldParametersArtifactId"] = run.Artifacts.Single(a => a.Kind == FieldParametersDocument.ArtifactKind).ArtifactId,
        };
    }

    /// <summary>The search settings as the report states them.</summary>
    public static string Describe(long nSims)
    {
        string Sizes((long Screening, long Evaluation, long Final) sims) => string.Create(CultureInfo.InvariantCulture,
            $"screening {sims.Screening:N0}, evaluation {sims.Evaluation:N0} in {EvaluationSamples} samples, final {sims.Final:N0}");
        var (real, modeled) = (SearchSims(nSims, modeled: false), SearchSims(nSims, modeled: true));
        var sizes = real == modeled ? Sizes(real) : $"real field: {Sizes(real)}; modeled field, at least 30 field blocks per batch: {Sizes(modeled)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{CandidatesPerIteration} challengers per iteration, at most {MaxIterations} iterations, patience {Patience}; {sizes}");
    }
}
