using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.StrategyGeneration;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;

namespace LabSandbox.Grains.Lab;

/// <summary>
/// Generates the Lab's candidate for every real pool under one config: it plans the advancement, market-share
/// and strategy runs explicitly (each pinning the previous one's artifact), creates those that do not exist
/// yet under spec-derived ids, waits for them, registers the candidate and records it in the Lab's mapping.
/// Everything it needs is derived from the config and the pools' data; nothing is looked up as "latest".
/// </summary>
public sealed class LabCandidateGenerator(IGrainFactory grains, SpecDerivedRuns runs)
{
    public async Task<LabGenerateReport> GenerateAsync(LabConfig config, CancellationToken cancellationToken)
    {
        var catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var configKey = LabConfigs.KeyOf(config);
        var outcomes = await Task.WhenAll(catalog.CalcuttaIds.Order(StringComparer.Ordinal)
            .Select(id => GenerateForPoolAsync(config, configKey, id, cancellationToken)));
        return new LabGenerateReport(configKey, config,
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Created),
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Skipped),
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Failed),
            outcomes);
    }

    private async Task<LabPoolOutcome> GenerateForPoolAsync(LabConfig config, string configKey, string calcuttaId, CancellationToken cancellationToken)
    {
        var outcome = new LabPoolOutcome(calcuttaId, LabPoolOutcomes.Failed, null, null, null, null, null);
        try
        {
            var pool = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync()
                ?? throw new RunStepException($"Calcutta '{calcuttaId}' does not exist.");
            string? excluded = null;
            if (config.ExcludedEntry == LabConfig.LabMarked)
            {
                excluded = pool.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey
                    ?? throw new RunStepException($"Calcutta '{calcuttaId}' marks no entry as lab_excluded_entry.");
            }

            var created = false;
            var advancement = await EnsureSucceededAsync(RunKinds.Advancement, AdvancementRunPlanner.Request(
                pool.TournamentId, new AdvancementModelParams(config.AdvancementModel.Kind, config.AdvancementModel.Sigma), config.StartingState, pool.ScoringRules),
                cancellationToken);
            outcome = outcome with { AdvancementRunId = advancement.RunId };
            created |= advancement.Created;
            var advancementArtifactId = ArtifactWriter.ArtifactIdFor(advancement.RunId, ArtifactKinds.Metrics);

            var market = await EnsureSucceededAsync(RunKinds.MarketShare, WithExcluded(new JsonObject
            {
                ["calcuttaId"] = calcuttaId,
                ["model"] = config.MarketModel,
                ["advancementArtifactId"] = advancementArtifactId,
            }, excluded), cancellationToken);
            outcome = outcome with { MarketShareRunId = market.RunId };
            created |= market.Created;

            var strategy = await EnsureSucceededAsync(RunKinds.StrategyGeneration, WithExcluded(new JsonObject
            {
                ["calcuttaId"] = calcuttaId,
                ["advancementArtifactId"] = advancementArtifactId,
                ["marketShareArtifactId"] = ArtifactWriter.ArtifactIdFor(market.RunId, MarketShareRunHandler.ArtifactKind),
                ["optimizerKey"] = config.OptimizerKey,
                ["startingState"] = config.StartingState,
            }, excluded), cancellationToken);
            outcome = outcome with { StrategyRunId = strategy.RunId };
            created |= strategy.Created;

            // Idempotent: repairs a candidate the strategy run's own follow-up did not get to register.
            var candidate = await CandidateRegistrar.RegisterAsync(grains, strategy.RunId);
            created |= await grains.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key)
                .PutAsync(new LabCandidateEntry(calcuttaId, configKey, config, candidate.CandidateId));
            return outcome with { Outcome = created ? LabPoolOutcomes.Created : LabPoolOutcomes.Skipped, CandidateId = candidate.CandidateId };
        }
        catch (RunStepException ex)
        {
            return outcome with { Reason = ex.Message };
        }
    }

    private async Task<(string RunId, bool Created)> EnsureSucceededAsync(string kind, JsonObject request, CancellationToken cancellationToken)
    {
        var (runId, created) = await runs.EnsureAsync(kind, request);
        await runs.WaitSucceededAsync(runId, cancellationToken);
        return (runId, created);
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
