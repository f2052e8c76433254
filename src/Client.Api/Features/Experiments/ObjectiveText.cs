using System.Globalization;
using System.Text.Json;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// An experiment's objective in words (docs/experiments.md#objectives) and its estimates as read on the page: payout
/// objectives in dollars, probabilities in percentage points.
/// </summary>
public static class ObjectiveText
{
    /// <summary>The objective with its λ where it has one.</summary>
    public static string Describe(string? objective, double riskAversion) =>
        objective == "risk_adjusted" ? $"{Name(objective)} (mean − {riskAversion.ToString("0.###", CultureInfo.InvariantCulture)}·sd)" : Name(objective);

    public static string Name(string? objective) => objective switch
    {
        "p_first" => "P(1st)",
        "p_in_the_money" => "P(in the money)",
        "risk_adjusted" => "risk-adjusted payout",
        _ => "expected payout",
    };

    /// <summary>The objectives a search can maximize, in the form's order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["expected_payout", "p_first", "p_in_the_money", "risk_adjusted"];

    /// <summary>What an objective rewards, for the form.</summary>
    public static string Help(string? objective) => objective switch
    {
        "p_first" => "The chance of finishing first: the entry that wins the pool most often.",
        "p_in_the_money" => "The chance of finishing in a paid place.",
        "risk_adjusted" => "Mean payout − λ × its standard deviation: λ = 0 is the expected payout, larger λ prefers steadier entries.",
        _ => "The mean payout in dollars (the default).",
    };

    public static string WithInterval(ObjectiveStatistic s) => $"{Value(s.Value, s.Unit)} [{Value(s.Low, s.Unit)}, {Value(s.High, s.Unit)}]";

    /// <summary>An estimate as the search writes it in an event payload (camelCase ObjectiveStatistic).</summary>
    public static string WithInterval(JsonElement s)
    {
        var unit = s.GetProperty("unit").GetString();
        return $"{Value(s.GetProperty("value").GetDouble(), unit)} [{Value(s.GetProperty("low").GetDouble(), unit)}, {Value(s.GetProperty("high").GetDouble(), unit)}]";
    }

    /// <summary>An objective's level (not a difference): probabilities in percent, payouts in dollars.</summary>
    public static string Level(double value, string? unit) =>
        unit == "probability" ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : Money.Dollars(value);

    public static string Value(double value, string? unit) =>
        unit == "probability" ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " pp" : Money.Dollars(value);
}
