using System.Text.Json;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>Golden values from <c>data/real/derived/2025_analytic_predictions_sigma10.json</c> (copied to the output).</summary>
public static class Golden
{
    public sealed record TeamValues(double PChampion, double ExpectedPoints);

    public static TeamValues Duke2025()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "real", "derived", "2025_analytic_predictions_sigma10.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var duke = document.RootElement.GetProperty("teams").EnumerateArray()
            .Single(t => t.GetProperty("school_slug").GetString() == "duke");
        return new TeamValues(
            duke.GetProperty("p_round_1_to_7")[6].GetDouble(),
            duke.GetProperty("expected_points_real_rules").GetDouble());
    }
}
