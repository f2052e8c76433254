using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>Validates <c>advancement</c> requests and pins the tournament's digest.</summary>
public sealed class AdvancementRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.Advancement;

    /// <summary>The request for an advancement run, as orchestrations that pin their own upstream runs build it.</summary>
    public static JsonObject Request(string tournamentId, AdvancementModelParams model, string startingState, IReadOnlyList<ScoringRule> scoringRules) => new()
    {
        ["kind"] = RunKinds.Advancement,
        ["tournamentId"] = tournamentId,
        ["model"] = new JsonObject { ["kind"] = model.Kind, ["sigma"] = model.Sigma },
        ["startingState"] = startingState,
        ["scoringRules"] = System.Text.Json.JsonSerializer.SerializeToNode(scoringRules, ContentDigest.Options),
    };

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var tournamentId = reader.RequiredString("tournamentId");
        var model = ReadModel(reader, "model");
        var startingStateText = reader.RequiredString("startingState");
        if (startingStateText is not null && !StartingState.TryParse(startingStateText, out _, out var stateError))
        {
            reader.Error("startingState", stateError);
        }

        var scoringRules = ReadScoringRules(reader);
        reader.RejectUnknownFields();

        TournamentSnapshot? tournament = null;
        if (tournamentId is not null)
        {
            tournament = await grains.GetGrain<ITournamentGrain>(tournamentId).GetAsync();
            if (tournament is null)
            {
                reader.Error("tournamentId", $"Tournament '{tournamentId}' does not exist.");
            }
        }

        if (reader.HasErrors)
        {
            return RunPlan.Invalid(reader.Errors);
        }

        var parameters = new AdvancementParams(tournamentId!, model!, startingStateText!, scoringRules!);
        var json = CanonicalJson.Serialize(parameters);
        return RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json),
            [new DatasetRef(DatasetKinds.Tournament, tournament!.TournamentId, tournament.Digest)],
            InputArtifactIds: [], Seed: null, AdvancementCalculator.EngineVersion));
    }

    /// <summary>A win model object under <paramref name="field"/> (<c>{"kind": "kenpom-logistic", "sigma": σ}</c>); errors are named <c>{field}.…</c>.</summary>
    internal static AdvancementModelParams? ReadModel(RequestReader reader, string field)
    {
        var node = reader.Node(field);
        if (node is not JsonObject model)
        {
            reader.Error(field, node is null ? $"'{field}' is required, e.g. {{\"kind\":\"kenpom-logistic\",\"sigma\":10}}." : $"'{field}' must be an object.");
            return null;
        }

        var kind = model["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        if (kind != AdvancementModelParams.KenPomLogistic)
        {
            reader.Error($"{field}.kind", $"'{field}.kind' must be '{AdvancementModelParams.KenPomLogistic}'.");
        }

        var sigma = AdvancementModelParams.DefaultSigma;
        if (model["sigma"] is { } sigmaNode && (!RequestReader.TryGetNumber(sigmaNode, out sigma) || !double.IsFinite(sigma) || sigma <= 0))
        {
            reader.Error($"{field}.sigma", $"'{field}.sigma' must be a finite number greater than 0.");
        }

        foreach (var name in model.Select(p => p.Key).Where(k => k is not ("kind" or "sigma")))
        {
            reader.Error($"{field}.{name}", $"Unknown field '{field}.{name}'.");
        }

        return new AdvancementModelParams(AdvancementModelParams.KenPomLogistic, sigma);
    }

    private static IReadOnlyList<ScoringRule>? ReadScoringRules(RequestReader reader)
    {
        var node = reader.Node("scoringRules");
        if (node is null)
        {
            return ScoringRule.HouseRules;
        }

        const string Message = "'scoringRules' must list win indexes 1..7 once each as {\"winIndex\":n,\"pointsAwarded\":p} with p ≥ 0.";
        if (node is not JsonArray array || array.Count != 7)
        {
            reader.Error("scoringRules", Message);
            return null;
        }

        var rules = new List<ScoringRule>();
        foreach (var item in array)
        {
            if (item is not JsonObject rule || rule.Count != 2
                || !RequestReader.TryGetInt(rule["winIndex"], out var winIndex)
                || !RequestReader.TryGetInt(rule["pointsAwarded"], out var points) || points < 0)
            {
                reader.Error("scoringRules", Message);
                return null;
            }

            rules.Add(new ScoringRule(winIndex, points));
        }

        if (!rules.Select(r => r.WinIndex).Order().SequenceEqual(Enumerable.Range(1, 7)))
        {
            reader.Error("scoringRules", Message);
            return null;
        }

        return rules.OrderBy(r => r.WinIndex).ToList();
    }
}
