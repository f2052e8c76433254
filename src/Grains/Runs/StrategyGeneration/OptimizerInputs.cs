using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>What the optimizer (and an experiment's proposals) see of a team: pinned expected points and market points.</summary>
public static class OptimizerInputs
{
    public static async Task<IReadOnlyList<OptimizerTeam>> ReadTeamsAsync(IGrainFactory grains, string advancementArtifactId, string marketShareArtifactId)
    {
        var advancement = await PinnedArtifacts.ReadInlineAsync<AdvancementMetrics>(grains, advancementArtifactId);
        var market = await PinnedArtifacts.ReadInlineAsync<MarketShareDocument>(grains, marketShareArtifactId);
        var marketPoints = market.Teams.ToDictionary(t => t.TeamId, t => t.MarketPoints);
        return advancement.Teams
            .Select(t => new OptimizerTeam(t.TeamId, t.ExpectedPoints, marketPoints.TryGetValue(t.TeamId, out var m)
                ? m
                : throw new NonRetryableRunException($"The market shares have no team '{t.TeamId}'.")))
            .ToList();
    }

    public static OptimizerBounds Bounds(PoolRules rules) =>
        new(rules.BudgetPoints, rules.MinTeams, rules.MaxTeams, rules.MinBidPoints, rules.MaxBidPoints);
}
