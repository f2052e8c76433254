using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Runs.LabGeneration;

/// <summary>
/// The Lab's candidate for one pool under one config: plans the advancement, market-share and strategy runs explicitly
/// (each pinning the previous one's artifact), creates those that do not exist yet under spec-derived ids, waits for
/// them, registers the candidate and records it in the Lab's mapping. Nothing is looked up as "latest", so running it
/// again — a resumed generation — finds what exists and creates nothing new.
/// </summary>
/// <param name="since">
/// When the generation run was created: a pool whose runs were created since then is <c>created</c> by it, also when a
/// resumed attempt finds them, so an interrupted generation reports what an uninterrupted one does.
/// </param>
public sealed class LabPoolGenerator(IGrainFactory grains, SpecDerivedRuns runs, LabConfig config, string configKey, DateTimeOffset since)
{
    public async Task<LabPoolOutcome> GenerateAsync(string calcuttaId, DatasetRef? pinned, CancellationToken cancellationToken)
    {
        var outcome = new LabPoolOutcome(calcuttaId, LabPoolOutcomes.Failed, null, null, null, null, null);
        try
        {
            var pool = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync()
                ?? throw new RunStepException($"Calcutta '{calcuttaId}' does not exist.");
            if (pool.Digest != pinned?.Digest)
            {
                throw new RunStepException($"Calcutta '{calcuttaId}' changed since the generation was requested ({pinned?.Digest} → {pool.Digest}); generate again.");
            }

            string? excluded = null;
            if (config.ExcludedEntry == LabConfig.LabMarked)
            {
                excluded = pool.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey
                    ?? throw new RunStepException($"Calcutta '{calcuttaId}' marks no entry as lab_excluded_entry.");
            }

            var advancement = await EnsureSucceededAsync(RunKinds.Advancement, AdvancementRunPlanner.Request(
                pool.TournamentId, new AdvancementModelParams(config.AdvancementModel.Kind, config.AdvancementModel.Sigma), config.StartingState, pool.ScoringRules),
                cancellationToken);
            outcome = outcome with { AdvancementRunId = advancement.RunId };
            var advancementArtifactId = ArtifactWriter.ArtifactIdFor(advancement.RunId, ArtifactKinds.Metrics);

            var market = await EnsureSucceededAsync(RunKinds.MarketShare, WithExcluded(new JsonObject
            {
                ["calcuttaId"] = calcuttaId,
                ["model"] = config.MarketModel,
                ["advancementArtifactId"] = advancementArtifactId,
            }, excluded), cancellationToken);
            outcome = outcome with { MarketShareRunId = market.RunId };

            var strategy = await EnsureSucceededAsync(RunKinds.StrategyGeneration, WithExcluded(new JsonObject
            {
                ["calcuttaId"] = calcuttaId,
                ["advancementArtifactId"] = advancementArtifactId,
                ["marketShareArtifactId"] = ArtifactWriter.ArtifactIdFor(market.RunId, MarketShareRunHandler.ArtifactKind),
                ["optimizerKey"] = config.OptimizerKey,
                ["startingState"] = config.StartingState,
            }, excluded), cancellationToken);
            outcome = outcome with { StrategyRunId = strategy.RunId };

            // Idempotent: repairs a candidate the strategy run's own follow-up did not get to register.
            var candidate = await CandidateRegistrar.RegisterAsync(grains, strategy.RunId);
            var indexed = await grains.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key)
                .PutAsync(new LabCandidateEntry(calcuttaId, configKey, config, candidate.CandidateId));
            var created = indexed || advancement.Created || market.Created || strategy.Created;
            return outcome with { Outcome = created ? LabPoolOutcomes.Created : LabPoolOutcomes.Skipped, CandidateId = candidate.CandidateId };
        }
        catch (RunStepException ex)
        {
            return outcome with { Reason = ex.Message };
        }
    }

    /// <summary>The child run, succeeded; created when this generation made it (now or in an earlier attempt).</summary>
    private async Task<(string RunId, bool Created)> EnsureSucceededAsync(string kind, JsonObject request, CancellationToken cancellationToken)
    {
        var (runId, created) = await runs.EnsureAsync(kind, request);
        var run = await runs.WaitSucceededAsync(runId, cancellationToken);
        return (runId, created || run.CreatedAt >= since);
    }

    private static JsonObject WithExcluded(JsonObject request, string? excludedEntryKey)
    {
        if (excludedEntryKey is not null)
        {
            request["excludedEntryKey"] = excludedEntryKey;
        }

        return request;
    }
}
