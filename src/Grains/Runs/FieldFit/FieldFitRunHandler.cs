using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>
/// Fits a field model for the pinned target pool on the pinned training pools and writes the parameters as a
/// <c>field_parameters</c> artifact. The target is never handed to the fit, and the fit would ignore it anyway.
/// </summary>
public sealed class FieldFitRunHandler : IRunHandler
{
    public string Kind => RunKinds.FieldFit;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<FieldFitParams>();
        var target = await PinnedDatasets.CalcuttaAsync(context.Grains, PinnedDatasets.Single(context.Spec, DatasetKinds.Calcutta));
        var fieldTarget = new FieldTarget(target.CalcuttaId, target.TournamentId);
        var training = await TrainingPoolsAsync(context);
        var document = await Task.Run(() => Fit(p.FieldModel, training, fieldTarget), cancellationToken);
        if (document.FittedOnPoolIds.Contains(target.CalcuttaId, StringComparer.Ordinal))
        {
            throw new NonRetryableRunException($"The fit of {target.CalcuttaId} used its own pool."); // never: Fit leaves it out
        }

        var teamCounts = document.MarketSampled?.TeamCountCounts
            ?? document.HistoryResampled!.Entries.GroupBy(e => e.Bids.Count).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var metrics = new FieldFitMetrics(
            Kind, context.Spec.EngineVersion, p.FieldModel, target.CalcuttaId, target.TournamentId,
            context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingCalcutta).ToList(), teamCounts.Values.Sum(), teamCounts);
        var summary = new Dictionary<string, string>
        {
            ["fieldModel"] = p.FieldModel,
            ["fittedOn"] = string.Join(",", document.FittedOnPoolIds),
            ["entries"] = metrics.FittedEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new RunOutput(
        [
            context.Metrics(metrics, summary),
            context.InlineJson(FieldParametersDocument.ArtifactKind, "field_parameters.json", document, summary),
        ]);
    }

    private static FieldParametersDocument Fit(string model, IReadOnlyList<FieldTrainingPool> training, FieldTarget target)
    {
        switch (model)
        {
            case FieldModelKinds.MarketSampled:
                var market = MarketSampledFit.Fit(training, target);
                return new(model, market.ModelVersion, market.TargetPoolId, market.TargetTournamentId, market.FittedOnPoolIds, market, null);
            case FieldModelKinds.HistoryResampled:
                var history = HistoryResampledFit.Fit(training, target);
                return new(model, history.ModelVersion, history.TargetPoolId, history.TargetTournamentId, history.FittedOnPoolIds, null, history);
            default:
                throw new NonRetryableRunException($"Unknown field model '{model}'.");
        }
    }

    /// <summary>The pinned training pools (every entry: a field model learns the whole field's shapes).</summary>
    private static async Task<IReadOnlyList<FieldTrainingPool>> TrainingPoolsAsync(RunExecutionContext context)
    {
        var tournaments = new Dictionary<string, TournamentSnapshot>(StringComparer.Ordinal);
        foreach (var pinned in context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingTournament))
        {
            tournaments[pinned.Id] = await PinnedDatasets.TournamentAsync(context.Grains, pinned);
        }

        var pools = new List<FieldTrainingPool>();
        foreach (var pinned in context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingCalcutta))
        {
            var pool = await PinnedDatasets.CalcuttaAsync(context.Grains, pinned);
            var tournament = tournaments.GetValueOrDefault(pool.TournamentId)
                ?? throw new NonRetryableRunException($"Training pool '{pool.CalcuttaId}' has no pinned tournament.");
            pools.Add(new FieldTrainingPool(tournament.ToBracketTournament(), pool.ToPoolBids(), OptimizerInputs.Bounds(pool.Rules)));
        }

        return pools;
    }
}
