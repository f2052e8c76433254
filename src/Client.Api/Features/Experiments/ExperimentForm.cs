using LabSandbox.Api.Components.Shared;
using System.Text.Json.Nodes;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// The new-experiment form's values, sent as the same JSON body <c>POST /api/v1/experiments</c> takes (field names
/// are the API's, so the factory's field errors land on the matching inputs). The defaults are the API's, with at
/// most 10 iterations: on the 2025 pool such a search ends in seconds on 2 cores (well under a minute even on a busy
/// machine), and every setting's range is shown beside it so a user can grow it.
/// </summary>
public sealed class ExperimentForm
{
    public string? Name { get; set; } = "My first search";

    public string? ExperimentId { get; set; }

    public string? CalcuttaId { get; set; }

    /// <summary>The entry whose seat the searched entry takes; empty: nobody's.</summary>
    public string? ExcludedEntryKey { get; set; }

    public string StartingState { get; set; } = "pre_tournament";

    /// <summary>Only used to prepare the market-share artifact; not part of the request.</summary>
    public string MarketModel { get; set; } = "naive_ev";

    public string? AdvancementArtifactId { get; set; }

    public string? MarketShareArtifactId { get; set; }

    public string? InitialCandidateId { get; set; }

    public long MasterSeed { get; set; } = 1;

    public int CandidatesPerIteration { get; set; } = 8;

    public int ScreeningSims { get; set; } = 2_000;

    public int EvaluationSims { get; set; } = 8_000;

    public int EvaluationSamples { get; set; } = 4;

    public int FinalSims { get; set; } = 100_000;

    public int MaxIterations { get; set; } = 10;

    public int Patience { get; set; } = 4;

    public string PruneRule { get; set; } = "ucb";

    public double PruneZ { get; set; } = 1.0;

    /// <summary>Who the seat plays against: <c>real</c> (hindsight) or a modeled field (honest).</summary>
    public string FieldModel { get; set; } = FieldModels.Real;

    /// <summary>A modeled field's fitted parameters; blank: fitted for the pool by a <c>field_fit</c> run first.</summary>
    public string? FieldParametersArtifactId { get; set; }

    /// <summary>What the search maximizes (<see cref="ObjectiveText"/> names them).</summary>
    public string Objective { get; set; } = "expected_payout";

    /// <summary>λ of <c>risk_adjusted</c>; sent only with that objective, as the API takes it.</summary>
    public double RiskAversion { get; set; } = 1.0;

    /// <summary>The request body; optional text fields are left out when blank so the API's defaults apply.</summary>
    public string ToRequestJson()
    {
        var body = new JsonObject
        {
            ["advancementArtifactId"] = Trimmed(AdvancementArtifactId) ?? "",
            ["marketShareArtifactId"] = Trimmed(MarketShareArtifactId) ?? "",
            ["startingState"] = StartingState.Trim(),
            ["masterSeed"] = MasterSeed,
            ["calcuttaId"] = Trimmed(CalcuttaId) ?? "",
            ["candidatesPerIteration"] = CandidatesPerIteration,
            ["screeningSims"] = ScreeningSims,
            ["evaluationSims"] = EvaluationSims,
            ["evaluationSamples"] = EvaluationSamples,
            ["finalSims"] = FinalSims,
            ["maxIterations"] = MaxIterations,
            ["patience"] = Patience,
            ["pruneRule"] = PruneRule,
            ["pruneZ"] = PruneZ,
        };
        AddIfSet(body, "experimentId", ExperimentId);
        AddIfSet(body, "name", Name);
        AddIfSet(body, "excludedEntryKey", ExcludedEntryKey);
        AddIfSet(body, "initialCandidateId", InitialCandidateId);

        // Defaults (the real field, the expected payout) are left out, so a request that chooses neither is the body it always was.
        if (FieldModels.IsModeled(FieldModel))
        {
            body["fieldModel"] = FieldModel;
            AddIfSet(body, "fieldParametersArtifactId", FieldParametersArtifactId);
        }

        if (Objective != "expected_payout")
        {
            body["objective"] = Objective;
        }

        if (Objective == "risk_adjusted")
        {
            body["riskAversion"] = RiskAversion;
        }

        return body.ToJsonString();
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void AddIfSet(JsonObject body, string field, string? value)
    {
        if (Trimmed(value) is { } text)
        {
            body[field] = text;
        }
    }
}
