using System.Globalization;
using System.Text.Json;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Experiments;
using T = LabSandbox.Grains.Interfaces.Experiments.ExperimentEventTypes;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// One line of plain language per event of the trace, read from the event's canonical JSON payload (camelCase, as
/// the search writes it). An event whose payload does not read as expected shows its type only: the raw payload
/// stays in the exports.
/// </summary>
public static class ExperimentEventText
{
    public static IReadOnlyList<string> Types { get; } =
        [T.ExperimentStart, T.IterationStart, T.Batch, T.Prune, T.EvalResult, T.IterationAccepted, T.EarlyStop, T.ExperimentEnd];

    public static string Summarize(ExperimentEvent e)
    {
        try
        {
            using var doc = JsonDocument.Parse(e.DataJson);
            var d = doc.RootElement;
            return e.Type switch
            {
                T.ExperimentStart => $"Search started (master seed {Number(d, "masterSeed")}; maximizing {Start(d)}).",
                T.IterationStart => $"Iteration {e.Iteration} started ({Number(d, "iterationsWithoutImprovement")} without improvement so far).",
                T.Batch => Batch(d),
                T.Prune => Prune(d),
                T.EvalResult => EvalResult(d),
                T.IterationAccepted => $"Challenger {Number(d, "challenger")} ({Text(d, "move")}) accepted: gain {Stat(d, "gain")}{Judged(d, "objectiveGain")}; measured alone {Mean(d, "measuredAlone")}.",
                T.EarlyStop => $"Stopped early: {Reason(Text(d, "reason"))}.",
                T.ExperimentEnd => End(d),
                _ => e.Type,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return e.Type;
        }
    }

    /// <summary>Convergence reasons as words.</summary>
    public static string Reason(string? reason) => reason switch
    {
        ConvergenceReasons.MaxIterations => "iteration limit reached",
        ConvergenceReasons.PatienceExhausted => "patience exhausted (no accepted challenger for several iterations)",
        ConvergenceReasons.NoImprovementCi => "no challenger can improve on the incumbent (95% intervals below zero)",
        ConvergenceReasons.Cancelled => "cancelled",
        null => "—",
        _ => reason,
    };

    /// <summary>A search's end carries the improvement; a cancel's end (written by the grain) only the reason.</summary>
    private static string End(JsonElement d)
    {
        var text = $"Experiment ended: {Reason(Text(d, "reason"))} after {Number(d, "numIterations")} iterations";
        if (d.TryGetProperty("improvement", out _))
        {
            text += $"; improvement {Stat(d, "improvement")}{Judged(d, "objectiveImprovement")}";
        }

        return text + (d.TryGetProperty("significant", out var s) && s.ValueKind == JsonValueKind.True ? ", significant." : ".");
    }

    private static string Batch(JsonElement d)
    {
        var batch = Text(d, "batch");
        var sims = d.GetProperty("simsPerSample").EnumerateArray().Sum(x => x.GetInt64());
        var challengers = d.GetProperty("challengers").GetArrayLength();
        return batch switch
        {
            "initial" => $"Evaluating the initial entry on {StatText.Count(sims)} simulations.",
            "final" => $"Final comparison of the best entry with the initial one on {StatText.Count(sims)} fresh simulations.",
            "screening" => $"Screening {challengers} challengers on {StatText.Count(sims)} simulations.",
            _ => $"Full evaluation of {challengers} surviving challengers on {StatText.Count(sims)} more simulations.",
        };
    }

    private static string EvalResult(JsonElement d)
    {
        var who = d.GetProperty("challenger").ValueKind == JsonValueKind.Number ? $"Challenger {Number(d, "challenger")}" : "Incumbent";
        var gain = d.TryGetProperty("gain", out _) ? $", gain {Stat(d, "gain")}{Judged(d, "objectiveGain")}" : "";
        return $"{who}: expected payout {Mean(d, "payout")} over {Number(d, "simulations")} simulations{gain}.";
    }

    private static string Start(JsonElement d) =>
        d.TryGetProperty("search", out var s) && s.TryGetProperty("objective", out var o)
            ? ObjectiveText.Describe(o.GetString(), s.TryGetProperty("riskAversion", out var l) ? l.GetDouble() : 0)
            : ObjectiveText.Describe(null, 0);

    /// <summary>Pruned on the objective's optimistic bound; an expected-payout search (or one from before objectives) on the payout's.</summary>
    private static string Prune(JsonElement d)
    {
        var head = $"Challenger {Number(d, "challenger")} pruned: ";
        var tail = $" after {Number(d, "simulations")} simulations.";
        return IsPayout(d) || !d.TryGetProperty("objectiveBound", out var b)
            ? $"{head}mean gain {Cents(d, "meanGainCents")}, upper bound {Cents(d, "upperBoundCents")}{tail}"
            : $"{head}{Objective(d)} gain {ObjectiveText.Value(b.GetProperty("value").GetDouble(), b.GetProperty("unit").GetString())}, upper bound {ObjectiveText.Value(b.GetProperty("high").GetDouble(), b.GetProperty("unit").GetString())}{tail}";
    }

    /// <summary>The objective's paired estimate where it is not the payout the line already shows.</summary>
    private static string Judged(JsonElement d, string name) =>
        IsPayout(d) || !d.TryGetProperty(name, out var s) || s.ValueKind != JsonValueKind.Object ? "" : $" ({Objective(d)} {ObjectiveText.WithInterval(s)})";

    private static bool IsPayout(JsonElement d) => !d.TryGetProperty("objective", out var o) || o.GetString() == "expected_payout";

    private static string Objective(JsonElement d) => ObjectiveText.Name(d.GetProperty("objective").GetString());

    private static string Text(JsonElement d, string name) => d.GetProperty(name).ToString();

    private static string Number(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Cents(JsonElement d, string name) => Money.Dollars(d.GetProperty(name).GetInt64());

    private static string Mean(JsonElement d, string name) =>
        d.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object ? Money.Dollars(s.GetProperty("meanCents").GetInt64()) : "—";

    private static string Stat(JsonElement d, string name)
    {
        var s = d.GetProperty(name);
        return $"{Money.Dollars(s.GetProperty("meanCents").GetInt64())} [{Money.Dollars(s.GetProperty("lowCents").GetInt64())}, {Money.Dollars(s.GetProperty("highCents").GetInt64())}]";
    }
}
