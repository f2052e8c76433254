using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>
/// Turns a succeeded strategy-generation run into its Candidate, from the stored run and artifacts only —
/// so the run's own follow-up and any later repair (the Lab's generate) produce the same record.
/// </summary>
public static class CandidateRegistrar
{
    public static async Task<CandidateRecord> RegisterAsync(IGrainFactory grains, string strategyRunId)
    {
        var run = await grains.GetGrain<IRunGrain>(strategyRunId).GetAsync();
        if (run is not { Status: RunStatus.Succeeded } || run.Spec.Kind != RunKinds.StrategyGeneration)
        {
            throw new InvalidOperationException($"Run '{strategyRunId}' is not a succeeded strategy_generation run.");
        }

        var metricsId = run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId;
        var bidsId = run.Artifacts.Single(a => a.Kind == StrategyGenerationRunHandler.BidsArtifactKind).ArtifactId;
        var m = await PinnedArtifacts.ReadInlineAsync<StrategyMetrics>(grains, metricsId);
        var candidate = new CandidateRecord(
            m.CandidateId, CandidateSourceKinds.StrategyGeneration, m.CalcuttaId, m.TournamentId,
            m.AdvancementArtifactId, m.MarketShareArtifactId, m.OptimizerKey, m.StartingState, m.ExcludedEntryKey,
            strategyRunId, bidsId, m.Bids.Select(b => new CandidateBid(b.TeamId, b.BidPoints)).ToList(), m.Objective, m.SpendPoints);

        var outcome = await grains.GetGrain<ICandidateGrain>(candidate.CandidateId).CreateAsync(candidate);
        return outcome != CandidateWriteOutcome.Conflict
            ? candidate
            : await grains.GetGrain<ICandidateGrain>(candidate.CandidateId).GetAsync()
                ?? throw new InvalidOperationException($"Candidate '{candidate.CandidateId}' conflicts and cannot be read.");
    }
}
