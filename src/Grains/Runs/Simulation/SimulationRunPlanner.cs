using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// Validates <c>simulation</c> requests: the pool exists, the advancement artifact is the metrics of a
/// succeeded advancement run over the same tournament and starting state, and the sizes are in range.
/// Pins the pool's and tournament's digests and the advancement artifact, and for a modeled field its parameters
/// (and market) artifacts.
/// </summary>
public sealed class SimulationRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.Simulation;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var hasSynthetic = request.ContainsKey("syntheticCalcuttaId");
        var calcuttaId = hasSynthetic && !request.ContainsKey("calcuttaId") ? null : reader.RequiredString("calcuttaId");
        var syntheticId = hasSynthetic ? reader.RequiredString("syntheticCalcuttaId") : null;
        if (hasSynthetic && request.ContainsKey("calcuttaId"))
        {
            reader.Error("syntheticCalcuttaId", "Name either 'calcuttaId' or 'syntheticCalcuttaId', not both.");
        }

        var artifactId = reader.RequiredString("advancementArtifactId");
        var startingState = reader.RequiredString("startingState");
        if (startingState is not null && !StartingState.TryParse(startingState, out _, out var stateError))
        {
            reader.Error("startingState", stateError!);
            startingState = null; // so the artifact is not also blamed for a state that does not parse
        }

        var nSims = reader.WholeNumber("nSims", 1, SimulationParams.MaxSimulations, required: true);
        var seed = reader.WholeNumber("seed", 0, long.MaxValue, required: true);
        var chunkSize = reader.WholeNumber("chunkSize", SimulationParams.MinChunkSize, SimulationParams.MaxChunkSize, required: false)
            ?? SimulationParams.DefaultChunkSize;
        var excluded = ReadOptional(request, reader, "excludedEntryKey");
        var focus = ReadOptional(request, reader, "focusCandidateId");
        var fieldRequest = FieldRequest.Read(reader, ownMarketField: true);
        reader.RejectUnknownFields();

        var pool = await PoolToSimulateAsync(reader, grains, calcuttaId, syntheticId, excluded, focus);
        var field = pool is null ? null : await PinFieldAsync(reader, grains, fieldRequest, pool);
        var tournament = pool is null ? null : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
        var model = artifactId is null || pool is null || startingState is null
            ? null
            : (await PinnedAdvancement.ReadAsync(reader, grains, "advancementArtifactId", artifactId, pool.TournamentId, startingState))?.Model;
        if (reader.HasErrors || pool is null || tournament is null || model is null)
        {
            return RunPlan.Invalid(reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });
        }

        var parameters = new SimulationParams(calcuttaId, syntheticId, artifactId!, model, nSims!.Value, seed!.Value, startingState!,
            pool.ExcludedEntryKey, pool.FocusCandidateId, (int)chunkSize, field);
        var json = CanonicalJson.Serialize(parameters);
        return RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json),
            [pool.Pinned, new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest)],
            [artifactId!, .. field?.ArtifactIds ?? []], seed.Value, EngineVersion(field)));
    }

    /// <summary>The kernel's version, and for a modeled field the sampler's version and the field block size too.</summary>
    public static string EngineVersion(FieldChoice? field) => field is null
        ? SimulationKernel.EngineVersion
        : $"{SimulationKernel.EngineVersion}+{field.Version}+sims-per-field-{FieldBlocks.SimulationsPerField}";

    /// <summary>
    /// A modeled field replaces the seat's opponents: the seat is the focus candidate, else the excluded entry, so one of
    /// them is required. Its artifacts must be for the real pool (a synthetic calcutta's source) and excluded entry.
    /// </summary>
    private static async Task<FieldChoice?> PinFieldAsync(RequestReader reader, IGrainFactory grains, FieldRequest request, PoolToSimulate pool)
    {
        if (request.IsReal)
        {
            return null;
        }

        if (pool.FocusCandidateId is null && pool.ExcludedEntryKey is null)
        {
            reader.Error("fieldModel", "A modeled field replaces the opponents of one seat: name an 'excludedEntryKey' (or a synthetic calcutta's focus candidate) for it.");
            return null;
        }

        if (pool.SourceCalcuttaId is null)
        {
            reader.Error("fieldModel", "The synthetic calcutta was not copied from a real pool, so no field model is fitted for it.");
            return null;
        }

        return await request.PinAsync(reader, grains, pool.SourceCalcuttaId, pool.ExcludedEntryKey);
    }

    /// <summary>
    /// The pool to sample, pinned: a real pool by digest, or a synthetic calcutta's current version by digest. For a
    /// synthetic calcutta an omitted excluded entry or focus candidate means its own setting, an explicit null none.
    /// </summary>
    private static async Task<PoolToSimulate?> PoolToSimulateAsync(
        RequestReader reader, IGrainFactory grains, string? calcuttaId, string? syntheticId, Optional excluded, Optional focus)
    {
        if (await PoolVersions.CurrentAsync(reader, grains, calcuttaId, syntheticId) is not { } pool)
        {
            return null;
        }

        var name = calcuttaId is not null ? $"Calcutta '{calcuttaId}'" : $"Synthetic calcutta '{syntheticId}'";
        var excludedKey = excluded.Given ? excluded.Value : pool.ExcludedEntryKey;
        var focusId = focus.Given ? focus.Value : pool.FocusCandidateId;
        if (excludedKey is not null && pool.Entries.All(e => e.EntryKey != excludedKey))
        {
            reader.Error("excludedEntryKey", $"{name} has no entry '{excludedKey}'.");
        }

        if (calcuttaId is not null && focusId is not null)
        {
            reader.Error("focusCandidateId", "A real pool has no candidate entries: attach the candidate to a synthetic calcutta and simulate that.");
        }
        else if (focusId is not null && !pool.CandidateIds.Contains(focusId))
        {
            reader.Error("focusCandidateId", $"Candidate '{focusId}' is not attached to synthetic calcutta '{syntheticId}'.");
        }
        else if (focusId is not null && focusId == excludedKey)
        {
            reader.Error("focusCandidateId", "The focus candidate cannot also be the excluded entry.");
        }

        return new PoolToSimulate(pool.Pinned, pool.TournamentId, excludedKey, calcuttaId is null ? focusId : null, pool.SourceCalcuttaId);
    }

    /// <summary>An optional string field: absent, explicitly null, or a non-empty string.</summary>
    private static Optional ReadOptional(JsonObject request, RequestReader reader, string field)
    {
        if (!request.ContainsKey(field))
        {
            return new Optional(false, null);
        }

        if (reader.Node(field) is null)
        {
            return new Optional(true, null); // explicit null: none
        }

        return new Optional(true, reader.OptionalString(field));
    }

    private readonly record struct Optional(bool Given, string? Value);

    private sealed record PoolToSimulate(DatasetRef Pinned, string TournamentId, string? ExcludedEntryKey, string? FocusCandidateId, string? SourceCalcuttaId);
}
