using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>
/// The engine's <see cref="PayoutEstimate"/> and the recorded <see cref="PayoutStatistic"/> hold the same five
/// integers; statistics go out as contracts and come back to the engine's judge.
/// </summary>
public static class PayoutStatisticMapping
{
    public static PayoutStatistic ToPayoutStatistic(this PayoutEstimate estimate) =>
        new(estimate.Simulations, estimate.TotalCents, estimate.MeanCents, estimate.LowCents, estimate.HighCents);

    public static PayoutEstimate ToPayoutEstimate(this PayoutStatistic statistic) =>
        new(statistic.Simulations, statistic.TotalCents, statistic.MeanCents, statistic.LowCents, statistic.HighCents);
}
