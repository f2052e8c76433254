using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>
/// The generate form's fields, exactly the body of <c>POST /api/v1/lab/candidates/generate</c>. The form checks nothing
/// itself: the body goes to the same planner as the API's, so its field errors are the API's, named the same way.
/// </summary>
public sealed class LabConfigForm
{
    /// <summary>The honest default: ridge prices the market from other years only, after the First Four, σ = 10.</summary>
    public string AdvancementModelKind { get; set; } = "kenpom-logistic";

    /// <summary>Empty means "the API's default" (10): the field is then left out of the body, as a curl user would.</summary>
    public double? Sigma { get; set; } = 10;

    public string MarketModel { get; set; } = "ridge";

    public string OptimizerKey { get; set; } = "dp-v1";

    public string StartingState { get; set; } = "post_first_four";

    public string ExcludedEntry { get; set; } = LabConfig.LabMarked;

    /// <summary>The choices offered (the API documents the same lists; anything else is its 400).</summary>
    public static readonly IReadOnlyList<string> AdvancementModelKinds = ["kenpom-logistic"];

    public static readonly IReadOnlyList<string> MarketModels = ["ridge", "naive_ev", "oracle"];

    public static readonly IReadOnlyList<string> OptimizerKeys = ["dp-v1"];

    public static readonly IReadOnlyList<string> StartingStates =
        ["pre_tournament", "post_first_four", .. Enumerable.Range(1, 7).Select(n => $"through_round:{n}")];

    public static readonly IReadOnlyList<string> ExcludedEntryModes = [LabConfig.LabMarked, LabConfig.NoExclusion];

    /// <summary>The request body as the API would receive it (camelCase, sigma omitted when empty).</summary>
    public string ToRequestJson()
    {
        var model = new JsonObject { ["kind"] = AdvancementModelKind };
        if (Sigma is { } sigma)
        {
            model["sigma"] = sigma;
        }

        return new JsonObject
        {
            ["advancementModel"] = model,
            ["marketModel"] = MarketModel,
            ["optimizerKey"] = OptimizerKey,
            ["startingState"] = StartingState,
            ["excludedEntry"] = ExcludedEntry,
        }.ToJsonString();
    }

    /// <summary>The form's field names in the API's error keys; an error under any other key is shown above the form.</summary>
    public static readonly IReadOnlyList<string> FieldKeys =
        ["advancementModel", "advancementModel.kind", "advancementModel.sigma", "marketModel", "optimizerKey", "startingState", "excludedEntry"];
}
