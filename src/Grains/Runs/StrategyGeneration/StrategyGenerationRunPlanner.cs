using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>
/// Validates <c>strategy_generation</c> requests. Both upstream artifacts must be named (INV-7) and must
/// agree with the request: the advancement metrics of the pool's tournament, from the same starting state
/// and under the pool's scoring rules; the market shares of the same pool without the same excluded entry.
/// A mismatch is a 400, never a guess.
/// </summary>
public sealed class StrategyGenerationRunPlanner : IRunPlanner
{
    public static readonly IReadOnlyList<string> OptimizerKeys = [DpOptimizer.Key];

    public string Kind => RunKinds.StrategyGeneration;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var calcuttaId = reader.RequiredString("calcuttaId");
        var advancementId = reader.RequiredString("advancementArtifactId");
        var marketId = reader.RequiredString("marketShareArtifactId");
        var optimizerKey = reader.RequiredString("optimizerKey");
        if (optimizerKey is not null && !OptimizerKeys.Contains(optimizerKey))
        {
            reader.Error("optimizerKey", $"'optimizerKey' must be one of {string.Join(", ", OptimizerKeys)}.");
        }

        var startingState = reader.RequiredString("startingState");
        if (startingState is not null && !StartingState.TryParse(startingState, out _, out var stateError))
        {
            reader.Error("startingState", stateError);
            startingState = null;
        }

        var excluded = reader.OptionalString("excludedEntryKey");
        reader.RejectUnknownFields();

        var pool = calcuttaId is null ? null : await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
        if (calcuttaId is not null && pool is null)
        {
            reader.Error("calcuttaId", $"Calcutta '{calcuttaId}' does not exist.");
        }

        if (pool is not null && excluded is not null && pool.Entries.All(e => e.EntryKey != excluded))
        {
            reader.Error("excludedEntryKey", $"Calcutta '{pool.CalcuttaId}' has no entry '{excluded}'.");
        }

        var tournament = pool is null ? null : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
        if (pool is not null && advancementId is not null && startingState is not null
            && await PinnedAdvancement.ReadAsync(reader, grains, "advancementArtifactId", advancementId, pool.TournamentId, startingState) is { } advancement
            && !advancement.ScoringRules.SequenceEqual(pool.ScoringRules))
        {
            reader.Error("advancementArtifactId", $"Artifact '{advancementId}' scores points under other rules than pool '{pool.CalcuttaId}'.");
        }

        if (pool is not null && marketId is not null)
        {
            await PinnedMarketShare.ReadAsync(reader, grains, "marketShareArtifactId", marketId, pool.CalcuttaId, excluded);
        }

        if (reader.HasErrors || pool is null || tournament is null)
        {
            return RunPlan.Invalid(reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });
        }

        var parameters = new StrategyParams(pool.CalcuttaId, advancementId!, marketId!, optimizerKey!, startingState!, excluded);
        var json = CanonicalJson.Serialize(parameters);
        return RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json),
            [
                new DatasetRef(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Digest),
                new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest),
            ],
            [advancementId!, marketId!], Seed: null, DpOptimizer.Key));
    }
}
