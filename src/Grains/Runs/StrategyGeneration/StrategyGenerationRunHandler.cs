using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>
/// Runs the exact optimizer over the pinned expected points and market points within the pool's rules;
/// writes the entry as a <c>bids</c> artifact and, once the run has succeeded, registers it as a Candidate.
/// </summary>
public sealed class StrategyGenerationRunHandler : IRunHandler
{
    public const string BidsArtifactKind = "bids";

    public string Kind => RunKinds.StrategyGeneration;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<StrategyParams>();
        var pool = await PinnedDatasets.CalcuttaAsync(context.Grains, PinnedDatasets.Single(context.Spec, DatasetKinds.Calcutta));
        var teams = await OptimizerInputs.ReadTeamsAsync(context.Grains, p.AdvancementArtifactId, p.MarketShareArtifactId);
        var rules = pool.Rules;
        var bounds = OptimizerInputs.Bounds(rules);
        var allocation = await Task.Run(() => DpOptimizer.Optimize(teams, bounds), cancellationToken)
            ?? throw new NonRetryableRunException($"No entry satisfies the rules of pool '{pool.CalcuttaId}'.");

        var byTeam = teams.ToDictionary(t => t.TeamId);
        var rows = allocation.Bids
            .Select(b => new StrategyBidRow(b.TeamId, b.Bid, byTeam[b.TeamId].ExpectedPoints, byTeam[b.TeamId].MarketPoints, b.CapturedPoints, b.CapturedPoints / b.Bid))
            .ToList();
        var candidateId = CandidateIds.ForStrategy(p.CalcuttaId, p.AdvancementArtifactId, p.MarketShareArtifactId, p.OptimizerKey, p.StartingState, p.ExcludedEntryKey);
        var metrics = new StrategyMetrics(Kind, context.Spec.EngineVersion, candidateId, pool.CalcuttaId, pool.TournamentId,
            p.AdvancementArtifactId, p.MarketShareArtifactId, p.OptimizerKey, p.StartingState, p.ExcludedEntryKey,
            new StrategyBounds(rules.BudgetPoints, rules.MinTeams, rules.MaxTeams, rules.MinBidPoints, rules.MaxBidPoints),
            allocation.Objective, allocation.Spend, rows.Count, rows);
        var summary = new Dictionary<string, string>
        {
            ["candidateId"] = candidateId,
            ["teams"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["spendPoints"] = allocation.Spend.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new RunOutput(
            [
                context.Metrics(metrics, summary),
                context.InlineJson(BidsArtifactKind, "bids.json", rows, summary),
            ],
            AfterSuccess: () => CandidateRegistrar.RegisterAsync(context.Grains, context.RunId));
    }
}
