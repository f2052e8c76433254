using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>
/// Predicts each team's share of the pool's bids with the requested model, and the market points (others'
/// bids) the optimizer will face; scores the prediction against the pool's actual shares.
/// </summary>
public sealed class MarketShareRunHandler : IRunHandler
{
    public const string ArtifactKind = "market_share";

    /// <summary>Names the model implementations; the ridge features and λ are part of its output.</summary>
    public const string EngineVersion = "market-share-v1";

    public string Kind => RunKinds.MarketShare;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var parameters = context.ReadParams<MarketShareParams>();
        var pool = await PinnedDatasets.CalcuttaAsync(context.Grains, PinnedDatasets.Single(context.Spec, DatasetKinds.Calcutta));
        var tournament = await PinnedDatasets.TournamentAsync(context.Grains, PinnedDatasets.Single(context.Spec, DatasetKinds.Tournament));

        var bracketTournament = tournament.ToBracketTournament();
        var poolBids = pool.ToPoolBids();
        RidgeTrainingSummary? ridge = null;
        MarketShares predicted;
        switch (parameters.Model)
        {
            case MarketShareModels.NaiveEv:
                var advancement = await PinnedArtifacts.ReadInlineAsync<AdvancementMetrics>(context.Grains, parameters.AdvancementArtifactId);
                predicted = MarketShareModels.NaiveEvShares(advancement.Teams.ToDictionary(t => t.TeamId, t => t.ExpectedPoints));
                break;
            case MarketShareModels.Oracle:
                predicted = MarketShareModels.ActualShares(bracketTournament, poolBids, parameters.ExcludedEntryKey);
                break;
            case MarketShareModels.Ridge:
                var training = await TrainingPoolsAsync(context);
                var model = await Task.Run(() => RidgeMarketModel.Train(training), cancellationToken);
                predicted = model.Predict(bracketTournament);
                ridge = new RidgeTrainingSummary(
                    context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingCalcutta).ToList(),
                    RidgeMarketModel.Lambda, RidgeMarketModel.FeatureNames, model.Coefficients);
                break;
            default:
                throw new NonRetryableRunException($"Unknown market model '{parameters.Model}'.");
        }

        var actual = MarketShareModels.ActualShares(bracketTournament, poolBids, parameters.ExcludedEntryKey);
        var fieldEntries = pool.Entries.Count - (parameters.ExcludedEntryKey is null ? 0 : 1);
        var marketPoints = MarketShareModels.MarketPoints(predicted, pool.Rules.BudgetPoints, fieldEntries);
        var actualByTeam = actual.Teams.ToDictionary(t => t.TeamId, t => t.Share);
        var rows = predicted.Teams
            .Select(t => new MarketShareRow(t.TeamId, t.Share, actualByTeam.GetValueOrDefault(t.TeamId), marketPoints[t.TeamId]))
            .OrderBy(r => r.TeamId, StringComparer.Ordinal)
            .ToList();
        var error = MarketShareModels.MeanAbsoluteError(predicted, actual);

        var metrics = new MarketShareMetrics(Kind, EngineVersion, parameters.Model, pool.CalcuttaId, tournament.TournamentId,
            parameters.ExcludedEntryKey, parameters.AdvancementArtifactId, rows.Count, fieldEntries, error, ridge);
        var document = new MarketShareDocument(parameters.Model, pool.CalcuttaId, parameters.ExcludedEntryKey, pool.Rules.BudgetPoints, fieldEntries, rows);
        var summary = new Dictionary<string, string>
        {
            ["model"] = parameters.Model,
            ["meanAbsoluteError"] = error.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["topTeam"] = rows.OrderByDescending(r => r.Share).ThenBy(r => r.TeamId, StringComparer.Ordinal).First().TeamId,
        };
        return new RunOutput(
        [
            context.Metrics(metrics, summary),
            context.InlineJson(ArtifactKind, "market_share.json", document, summary),
        ]);
    }

    /// <summary>The pinned training pools, each without its own Lab-excluded entry (removed from training targets).</summary>
    private static async Task<IReadOnlyList<RidgeTrainingPool>> TrainingPoolsAsync(RunExecutionContext context)
    {
        var tournaments = new Dictionary<string, TournamentSnapshot>();
        foreach (var pinned in context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingTournament))
        {
            tournaments[pinned.Id] = await PinnedDatasets.TournamentAsync(context.Grains, pinned);
        }

        var pools = new List<RidgeTrainingPool>();
        foreach (var pinned in context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.TrainingCalcutta))
        {
            var pool = await PinnedDatasets.CalcuttaAsync(context.Grains, pinned);
            var tournament = tournaments.GetValueOrDefault(pool.TournamentId)
                ?? throw new NonRetryableRunException($"Training pool '{pool.CalcuttaId}' has no pinned tournament.");
            pools.Add(new RidgeTrainingPool(
                tournament.ToBracketTournament(), pool.ToPoolBids(), pool.Entries.FirstOrDefault(e => e.IsLabExcluded)?.EntryKey));
        }

        return pools;
    }
}
