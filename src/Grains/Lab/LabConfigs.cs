using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Lab;

/// <summary>Reads and keys Lab configs (the body of <c>generate</c>, the key of coverage).</summary>
public static class LabConfigs
{
    public static readonly IReadOnlyList<string> ExcludedEntryModes = [LabConfig.LabMarked, LabConfig.NoExclusion];

    /// <summary>A short, stable key of the config's canonical form.</summary>
    public static string KeyOf(LabConfig config) => $"cfg-{ContentDigest.Hex(CanonicalJson.Serialize(config))[..16]}";

    /// <summary>The config, or the problems with it by field name.</summary>
    public static (LabConfig? Config, IReadOnlyDictionary<string, string[]> Errors) Read(JsonObject body)
    {
        var reader = new RequestReader(body);
        var model = AdvancementRunPlanner.ReadModel(reader, "advancementModel");

        var market = OneOf(reader, "marketModel", MarketShareRunPlanner.Models);
        var optimizer = OneOf(reader, "optimizerKey", StrategyGenerationRunPlanner.OptimizerKeys);
        var startingState = reader.RequiredString("startingState");
        if (startingState is not null && !StartingState.TryParse(startingState, out _, out var stateError))
        {
            reader.Error("startingState", stateError);
        }

        var excluded = OneOf(reader, "excludedEntry", ExcludedEntryModes);
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? (null, reader.Errors)
            : (new LabConfig(new LabAdvancementModel(model!.Kind, model.Sigma), market!, optimizer!, startingState!, excluded!), reader.Errors);
    }

    private static string? OneOf(RequestReader reader, string field, IReadOnlyList<string> allowed)
    {
        var value = reader.RequiredString(field);
        if (value is not null && !allowed.Contains(value))
        {
            reader.Error(field, $"'{field}' must be one of {string.Join(", ", allowed)}.");
            return null;
        }

        return value;
    }
}
