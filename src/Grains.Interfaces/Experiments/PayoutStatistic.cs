namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// A mean of per-simulation cents over <paramref name="Simulations"/> simulations with its confidence interval, all
/// integer cents (INV-1): the exact total, the mean rounded once, the bounds rounded outward.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.PayoutStatistic")]
public sealed record PayoutStatistic(
    [property: Id(0)] long Simulations,
    [property: Id(1)] long TotalCents,
    [property: Id(2)] long MeanCents,
    [property: Id(3)] long LowCents,
    [property: Id(4)] long HighCents);
