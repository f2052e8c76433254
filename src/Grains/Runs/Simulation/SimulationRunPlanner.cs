using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// Validates <c>simulation</c> requests: the pool exists, the advancement artifact is the metrics of a
/// succeeded advancement run over the same tournament and starting state, and the sizes are in range.
/// Pins the pool's and tournament's digests and the advancement artifact.
/// </summary>
public sealed class SimulationRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.Simulation;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var calcuttaId = reader.RequiredString("calcuttaId");
        var artifactId = reader.RequiredString("advancementArtifactId");
        var startingState = reader.RequiredString("startingState");
        if (startingState is not null && !StartingState.TryParse(startingState, out _, out var stateError))
        {
            reader.Error("startingState", stateError!);
            startingState = null; // so the artifact is not also blamed for a state that does not parse
        }

        var nSims = ReadLong(reader, "nSims", required: true, 1, SimulationParams.MaxSimulations);
        var seed = ReadLong(reader, "seed", required: true, 0, long.MaxValue);
        var chunkSize = ReadLong(reader, "chunkSize", required: false, SimulationParams.MinChunkSize, SimulationParams.MaxChunkSize)
            ?? SimulationParams.DefaultChunkSize;
        var excluded = reader.OptionalString("excludedEntryKey");
        if (reader.OptionalString("focusCandidateId") is not null)
        {
            reader.Error("focusCandidateId", "Candidates are not available yet: omit 'focusCandidateId'.");
        }

        if (request.ContainsKey("syntheticCalcuttaId"))
        {
            reader.Node("syntheticCalcuttaId");
            reader.Error("syntheticCalcuttaId", "Synthetic calcuttas are not available yet: use 'calcuttaId'.");
        }

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
        var model = artifactId is null || pool is null || startingState is null
            ? null
            : (await PinnedArtifacts.ReadAdvancementAsync(reader, grains, "advancementArtifactId", artifactId, pool.TournamentId, startingState))?.Model;
        if (reader.HasErrors || tournament is null || model is null)
        {
            return RunPlan.Invalid(reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });
        }

        var parameters = new SimulationParams(pool!.CalcuttaId, artifactId!, model, nSims!.Value, seed!.Value, startingState!, excluded, null, (int)chunkSize);
        var json = CanonicalJson.Serialize(parameters);
        return RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json),
            [
                new DatasetRef(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Digest),
                new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest),
            ],
            [artifactId!], seed.Value, SimulationKernel.EngineVersion));
    }

    private static long? ReadLong(RequestReader reader, string field, bool required, long min, long max)
    {
        var node = reader.Node(field);
        if (node is null)
        {
            if (required)
            {
                reader.Error(field, $"'{field}' is required.");
            }

            return null;
        }

        // Read as an integer, not a double: seeds use all 63 bits.
        if (!RequestReader.TryGetLong(node, out var value) || value < min || value > max)
        {
            reader.Error(field, $"'{field}' must be a whole number from {min:N0} to {max:N0}.");
            return null;
        }

        return value;
    }
}
