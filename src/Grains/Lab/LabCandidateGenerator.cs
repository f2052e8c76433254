using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.MarketShare;

namespace LabSandbox.Grains.Lab;

/// <summary>
/// Generates the Lab's candidate for every real pool under one config: it plans the advancement, market-share
/// and strategy runs explicitly (each pinning the previous one's artifact), creates those that do not exist
/// yet under spec-derived ids, waits for them, registers the candidate and records it in the Lab's mapping.
/// Everything it needs is derived from the config and the pools' data; nothing is looked up as "latest".
/// </summary>
public sealed class LabCandidateGenerator(IGrainFactory grains, IEnumerable<IRunPlanner> planners)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

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
                ?? throw new LabStepException($"Calcutta '{calcuttaId}' does not exist.");
            string? excluded = null;
            if (config.ExcludedEntry == LabConfig.LabMarked)
            {
                excluded = pool.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey
                    ?? throw new LabStepException($"Calcutta '{calcuttaId}' marks no entry as lab_excluded_entry.");
            }

            var created = false;
            var advancement = await EnsureRunAsync(RunKinds.Advancement, new JsonObject
            {
                ["tournamentId"] = pool.TournamentId,
                ["model"] = new JsonObject { ["kind"] = config.AdvancementModel.Kind, ["sigma"] = config.AdvancementModel.Sigma },
                ["startingState"] = config.StartingState,
                ["scoringRules"] = JsonSerializer.SerializeToNode(pool.ScoringRules, ContentDigest.Options),
            }, cancellationToken);
            outcome = outcome with { AdvancementRunId = advancement.RunId };
            created |= advancement.Created;
            var advancementArtifactId = ArtifactWriter.ArtifactIdFor(advancement.RunId, ArtifactKinds.Metrics);

            var market = await EnsureRunAsync(RunKinds.MarketShare, WithExcluded(new JsonObject
            {
                ["calcuttaId"] = calcuttaId,
                ["model"] = config.MarketModel,
                ["advancementArtifactId"] = advancementArtifactId,
            }, excluded), cancellationToken);
            outcome = outcome with { MarketShareRunId = market.RunId };
            created |= market.Created;

            var strategy = await EnsureRunAsync(RunKinds.StrategyGeneration, WithExcluded(new JsonObject
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
        catch (LabStepException ex)
        {
            return outcome with { Reason = ex.Message };
        }
    }

    /// <summary>Plans the run, creates it under its spec-derived id unless it exists, and waits for it to succeed.</summary>
    private async Task<(string RunId, bool Created)> EnsureRunAsync(string kind, JsonObject request, CancellationToken cancellationToken)
    {
        request["kind"] = kind;
        var plan = await planners.Single(p => p.Kind == kind).PlanAsync(request, grains);
        if (plan.Spec is null)
        {
            throw new LabStepException($"{kind}: " + string.Join(" ", plan.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }

        var runId = LabRunIds.For(plan.Spec);
        var run = grains.GetGrain<IRunGrain>(runId);
        var existing = await run.GetAsync();
        if (existing is null)
        {
            var result = await run.CreateAsync(plan.Spec);
            if (result.Outcome != RunCommandOutcome.Accepted)
            {
                throw new LabStepException($"{kind} run '{runId}' was not accepted: {result.Reason}");
            }
        }

        var waiting = Stopwatch.StartNew();
        var snapshot = existing;
        while (snapshot is null || !snapshot.Status.IsTerminal())
        {
            if (waiting.Elapsed > RunTimeout)
            {
                throw new LabStepException($"{kind} run '{runId}' did not finish within {RunTimeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            snapshot = await run.GetAsync();
        }

        return snapshot.Status == RunStatus.Succeeded
            ? (runId, existing is null)
            : throw new LabStepException($"{kind} run '{runId}' {snapshot.Status.ToString().ToLowerInvariant()}: {snapshot.LastError}");
    }

    private static JsonObject WithExcluded(JsonObject request, string? excludedEntryKey)
    {
        if (excludedEntryKey is not null)
        {
            request["excludedEntryKey"] = excludedEntryKey;
        }

        return request;
    }

    /// <summary>A step of one pool's generation that failed; reported for that pool, the others go on.</summary>
    private sealed class LabStepException(string message) : Exception(message);
}
