using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>
/// Validates <c>field_fit</c> requests and pins the target pool, its tournament and every training pool (with its
/// tournament) by digest: the real pools of other tournaments, so the target year never enters the fit.
/// </summary>
public sealed class FieldFitRunPlanner : IRunPlanner
{
    public static readonly IReadOnlyList<string> Models = [FieldModelKinds.MarketSampled, FieldModelKinds.HistoryResampled];

    public string Kind => RunKinds.FieldFit;

    public static string VersionOf(string model) =>
        model == FieldModelKinds.MarketSampled ? FieldModelKinds.MarketSampledVersion : FieldModelKinds.HistoryResampledVersion;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var calcuttaId = reader.RequiredString("calcuttaId");
        var model = reader.RequiredString("fieldModel");
        if (model is not null && !Models.Contains(model))
        {
            reader.Error("fieldModel", $"'fieldModel' must be one of {string.Join(", ", Models)} (a real field needs no fit).");
        }

        reader.RejectUnknownFields();
        var pool = calcuttaId is null ? null : await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
        if (calcuttaId is not null && pool is null)
        {
            reader.Error("calcuttaId", $"Calcutta '{calcuttaId}' does not exist.");
        }

        var tournament = pool is null ? null : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
        var refs = new List<DatasetRef>();
        if (pool is not null && tournament is not null)
        {
            refs.Add(new DatasetRef(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Digest));
            refs.Add(new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest));
            refs.AddRange(await TrainingRefsAsync(reader, grains, pool));
        }

        if (reader.HasErrors || pool is null || tournament is null)
        {
            return RunPlan.Invalid(reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });
        }

        var json = CanonicalJson.Serialize(new FieldFitParams(pool.CalcuttaId, model!));
        return RunPlan.Valid(new RunSpec(Kind, json, ContentDigest.Hex(json), refs, [], Seed: null, VersionOf(model!)));
    }

    /// <summary>Every real pool of another tournament, with its tournament: leave-one-year-out, as the fits require.</summary>
    private static async Task<IReadOnlyList<DatasetRef>> TrainingRefsAsync(RequestReader reader, IGrainFactory grains, CalcuttaSnapshot target)
    {
        var catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var refs = new List<DatasetRef>();
        foreach (var id in catalog.CalcuttaIds.Where(id => id != target.CalcuttaId).Order(StringComparer.Ordinal))
        {
            var pool = await grains.GetGrain<ICalcuttaGrain>(id).GetAsync();
            var tournament = pool is null || pool.TournamentId == target.TournamentId
                ? null
                : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
            if (pool is not null && tournament is not null)
            {
                refs.Add(new DatasetRef(DatasetKinds.TrainingCalcutta, pool.CalcuttaId, pool.Digest));
                refs.Add(new DatasetRef(DatasetKinds.TrainingTournament, tournament.TournamentId, tournament.Digest));
            }
        }

        if (refs.Count == 0)
        {
            reader.Error("calcuttaId", "A field model needs at least one real pool of another year to fit on; none is imported.");
        }

        return refs;
    }
}
