namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// An experiment objective's estimate (docs/experiments.md#objectives): an entry's value or a paired gain (challenger −
/// reference on the same simulations), its standard error and 95% interval (or the pruning bound's z), in
/// <paramref name="Unit"/>: <c>cents</c> for <c>expected_payout</c> and <c>risk_adjusted</c>, <c>probability</c> for
/// <c>p_first</c> and <c>p_in_the_money</c>. Expected payout's are integer cents (mean rounded once, bounds outward).
/// </summary>
/// <param name="Total">Σ of the per-simulation integers behind a mean (cents, indicator differences), for exact comparisons; null for <c>risk_adjusted</c>.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ObjectiveStatistic")]
public sealed record ObjectiveStatistic(
    [property: Id(0)] string Objective,
    [property: Id(1)] string Unit,
    [property: Id(2)] long Simulations,
    [property: Id(3)] double Value,
    [property: Id(4)] double StandardError,
    [property: Id(5)] double Low,
    [property: Id(6)] double High,
    [property: Id(7)] long? Total);
