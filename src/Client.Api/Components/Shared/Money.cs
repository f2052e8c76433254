using System.Globalization;

namespace LabSandbox.Api.Components.Shared;

/// <summary>Money is integer cents everywhere (INV-1); the UI shows it in dollars, formatted from the cents exactly.</summary>
public static class Money
{
    public static string Dollars(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var magnitude = cents == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(cents);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}${magnitude / 100:N0}.{magnitude % 100:00}");
    }

    /// <summary>An expectation in cents (a mean, not a whole amount), to the cent.</summary>
    public static string Dollars(double cents) =>
        double.IsFinite(cents) ? Dollars((long)Math.Round(cents, MidpointRounding.AwayFromZero)) : "—";
}
