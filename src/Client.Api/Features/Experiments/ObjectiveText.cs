using System.Globalization;
using System.Text.Json;
using LabSandbox.Api.Components.Shared;

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

    /// <summary>An estimate as the search writes it in an event payload (camelCase ObjectiveStatistic).</summary>
    public static string WithInterval(JsonElement s)
    {
        var unit = s.GetProperty("unit").GetString();
        return $"{Value(s.GetProperty("value").GetDouble(), unit)} [{Value(s.GetProperty("low").GetDouble(), unit)}, {Value(s.GetProperty("high").GetDouble(), unit)}]";
    }

    public static string Value(double value, string? unit) =>
        unit == "probability" ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " pp" : Money.Dollars(value);
}
