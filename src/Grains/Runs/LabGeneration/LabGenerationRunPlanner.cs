using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.LabGeneration;

/// <summary>
/// Validates a Lab config (the body of <c>generate</c>, with the same messages) and pins the real pools it covers and
/// their tournaments by digest: the same config over the same data is the same spec, so the same spec-derived run.
/// </summary>
public sealed class LabGenerationRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.LabGeneration;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var (config, errors) = LabConfigs.Read(request);
        if (config is null)
        {
            return RunPlan.Invalid(errors);
        }

        var catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        var calcuttaIds = catalog.CalcuttaIds.Order(StringComparer.Ordinal).ToList();
        var pools = new List<DatasetRef>();
        var tournaments = new SortedDictionary<string, DatasetRef>(StringComparer.Ordinal);
        foreach (var id in calcuttaIds)
        {
            // A listed pool that cannot be read is reported as failed by the run, as generate always did.
            if (await grains.GetGrain<ICalcuttaGrain>(id).GetAsync() is not { } pool)
            {
                continue;
            }

            pools.Add(new DatasetRef(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Digest));
            if (!tournaments.ContainsKey(pool.TournamentId) && await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync() is { } tournament)
            {
                tournaments[pool.TournamentId] = new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest);
            }
        }

        var json = CanonicalJson.Serialize(new LabGenerationParams(LabConfigs.KeyOf(config), config, calcuttaIds));
        return RunPlan.Valid(new RunSpec(Kind, json, ContentDigest.Hex(json), [.. pools, .. tournaments.Values], [], null, LabGenerationParams.Version));
    }
}
