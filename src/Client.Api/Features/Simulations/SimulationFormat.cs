using System.Globalization;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>How the simulation pages write probabilities and counts (invariant culture, so a screenshot reads the same anywhere).</summary>
public static class SimulationFormat
{
    public static string Percent(double p, int decimals = 2) =>
        double.IsFinite(p) ? (p * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + " %" : "—";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double x, int decimals = 1) =>
        double.IsFinite(x) ? x.ToString("N" + decimals, CultureInfo.InvariantCulture) : "—";

    /// <summary>A difference in standard errors with its sign, e.g. "+0.4 SE".</summary>
    public static string StandardErrors(double? z) =>
        z is { } v ? (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("F1", CultureInfo.InvariantCulture) + " SE" : "n/a";
}
