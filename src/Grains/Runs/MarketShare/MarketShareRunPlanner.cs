using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>
/// Validates <c>market_share</c> requests and pins the pool, its tournament, the advancement artifact and —
/// for <c>ridge</c> — every other real pool (and tournament) it trains on, each with its digest. The target
/// pool is never among the training pools.
/// </summary>
public sealed class MarketShareRunPlanner : IRunPlanner
{
    public static readonly IReadOnlyList<string> Models = [MarketShareModels.NaiveEv, MarketShareModels.Oracle, MarketShareModels.Ridge];

    public string Kind => RunKinds.MarketShare;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var calcuttaId = reader.RequiredString("calcuttaId");
        var model = reader.RequiredString("model");
        if (model is not null && !Models.Contains(model))
        {
            reader.Error("model", $"'model' must be one of {string.Join(", ", Models)}.");
        }

        var artifactId = reader.RequiredString("advancementArtifactId");
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
        if (pool is not null && artifactId is not null)
        {
            await PinnedAdvancement.ReadAsync(reader, grains, "advancementArtifactId", artifactId, pool.TournamentId, startingState: null);
        }

        var refs = new List<DatasetRef>();
        if (pool is not null && tournament is not null)
        {
            refs.Add(new DatasetRef(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Digest));
            refs.Add(new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest));
            if (model == MarketShareModels.Ridge)
            {
                refs.AddRange(await TrainingRefsAsync(reader, grains, pool.CalcuttaId));
            }
        }

        if (reader.HasErrors || pool is null || tournament is null)
        {
            return RunPlan.Invalid(reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });
        }

        var parameters = new MarketShareParams(pool.CalcuttaId, model!, artifactId!, excluded);
        var json = CanonicalJson.Serialize(parameters);
        return RunPlan.Valid(new RunSpec(Kind, json, ContentDigest.Hex(json), refs, [artifactId!], Seed: null, MarketShareRunHandler.EngineVersion));
    }

    /// <summary>Every real pool except the target, with its tournament: leave-one-year-out.</summary>
    private static async Task<IReadOnlyList<DatasetRef>> TrainingRefsAsync(RequestReader reader, IGrainFactory grains, string targetCalcuttaId)
    {
        var catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var refs = new List<DatasetRef>();
        foreach (var id in catalog.CalcuttaIds.Where(id => id != targetCalcuttaId).Order(StringComparer.Ordinal))
        {
            var pool = await grains.GetGrain<ICalcuttaGrain>(id).GetAsync();
            var tournament = pool is null ? null : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
            if (pool is not null && tournament is not null)
            {
                refs.Add(new DatasetRef(DatasetKinds.TrainingCalcutta, pool.CalcuttaId, pool.Digest));
                refs.Add(new DatasetRef(DatasetKinds.TrainingTournament, tournament.TournamentId, tournament.Digest));
            }
        }

        if (refs.Count == 0)
        {
            reader.Error("model", "'ridge' needs at least one other real pool to train on; none is imported.");
        }

        return refs;
    }
}
