namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// An objective's estimate over <paramref name="Simulations"/> simulations — an entry's value, or a paired gain
/// (challenger − reference on the same simulations) — with its standard error and confidence interval, in
/// <paramref name="Unit"/> (<c>cents</c> for the payout objectives, <c>probability</c> for the others).
/// </summary>
/// <param name="Total">
/// Σ of the per-simulation values when they are integers (payout cents, indicator differences), so two estimates
/// compare exactly; null for <c>risk_adjusted</c> (not a mean of integers). Expected payout keeps INV-1: value is the
/// mean rounded once, bounds outward, exactly as <see cref="PayoutStatistics"/>; the other objectives are unrounded.
/// </param>
public sealed record ObjectiveEstimate(
    string Objective, string Unit, long Simulations, double Value, double StandardError, double Low, double High, long? Total)
{
    /// <summary>Compares two estimates' values: exactly (cross-multiplied totals) when both have totals.</summary>
    public int CompareValue(ObjectiveEstimate other) =>
        Total is { } a && other.Total is { } b
            ? ((Int128)a * other.Simulations).CompareTo((Int128)b * Simulations)
            : Value.CompareTo(other.Value);
}
