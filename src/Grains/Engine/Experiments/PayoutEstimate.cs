namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// A mean of per-simulation cents over <paramref name="Simulations"/> simulations with its confidence interval, all
/// integer cents: the exact total, the mean rounded once, the bounds rounded outward.
/// </summary>
public sealed record PayoutEstimate(long Simulations, long TotalCents, long MeanCents, long LowCents, long HighCents);
