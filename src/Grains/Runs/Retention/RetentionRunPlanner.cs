using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.Retention;

/// <summary>
/// Validates <c>retention</c> requests. The cutoff is not fixed here: the handler derives it from the run's
/// creation time. The run is pinned to the run catalog (its lineage), by the digest of its canonical params.
/// </summary>
public sealed class RetentionRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.Retention;

    public Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var olderThanDays = ReadOlderThanDays(reader);
        var dryRun = ReadDryRun(reader);
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return Task.FromResult(RunPlan.Invalid(reader.Errors));
        }

        var parameters = new RetentionParams(olderThanDays, dryRun);
        var json = CanonicalJson.Serialize(parameters);
        return Task.FromResult(RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json),
            [new DatasetRef(RetentionParams.RunCatalogDatasetKind, RetentionParams.RunCatalogDatasetId, ContentDigest.OfValue(parameters))],
            InputArtifactIds: [], Seed: null, RetentionParams.EngineVersion)));
    }

    private static int ReadOlderThanDays(RequestReader reader)
    {
        var node = reader.Node("olderThanDays");
        if (node is null)
        {
            reader.Error("olderThanDays", "'olderThanDays' is required.");
            return 0;
        }

        if (!RequestReader.TryGetInt(node, out var days) || days is < 0 or > RetentionParams.MaxOlderThanDays)
        {
            reader.Error("olderThanDays", $"'olderThanDays' must be a whole number between 0 and {RetentionParams.MaxOlderThanDays}.");
            return 0;
        }

        return days;
    }

    private static bool ReadDryRun(RequestReader reader)
    {
        var node = reader.Node("dryRun");
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValueKind() == JsonValueKind.True;
        }

        reader.Error("dryRun", "'dryRun' must be true or false.");
        return true;
    }
}
