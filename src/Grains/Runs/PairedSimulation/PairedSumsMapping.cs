using System.Globalization;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>
/// A paired-simulation run's recorded sums back into the engine's <see cref="PairedSums"/> (exact: the 128-bit sums are
/// decimal strings), and the engine's <see cref="ObjectiveEstimate"/> out as the recorded <see cref="ObjectiveStatistic"/>.
/// </summary>
public static class PairedSumsMapping
{
    /// <summary><paramref name="variant"/>'s sums paired with <paramref name="reference"/> (variant 0 of the same run).</summary>
    public static PairedSums Paired(this PairedVariantMetrics variant, long simulations, PairedVariantMetrics reference) => new(
        simulations, variant.Moments(), reference.Moments(), variant.FirstsDiscordant, variant.InTheMoneyDiscordant,
        Parse(variant.CrossCents11), Parse(variant.CrossCents21), Parse(variant.CrossCents12), Parse(variant.CrossCents22),
        variant.Clusters is { } c ? new ClusterSums(c.Count, [.. c.Products.Select(Parse)]) : null);

    /// <summary>The engine's cluster sums as recorded (null for the real field).</summary>
    public static ClusterMetrics? ToClusterMetrics(this ClusterSums? sums) =>
        sums is null ? null : new(sums.Clusters, [.. sums.Products.Select(p => p.ToString(CultureInfo.InvariantCulture))]);

    public static ObjectiveStatistic ToObjectiveStatistic(this ObjectiveEstimate e) =>
        new(e.Objective, e.Unit, e.Simulations, e.Value, e.StandardError, e.Low, e.High, e.Total);

    public static ObjectiveEstimate ToObjectiveEstimate(this ObjectiveStatistic s) =>
        new(s.Objective, s.Unit, s.Simulations, s.Value, s.StandardError, s.Low, s.High, s.Total);

    private static MomentSums Moments(this PairedVariantMetrics m) => new(
        m.Firsts, m.InTheMoney, m.PayoutCentsTotal, Parse(m.PayoutCentsSquares), Parse(m.PayoutCentsCubes), Parse(m.PayoutCentsFourths));

    private static Int128 Parse(string value) => Int128.Parse(value, CultureInfo.InvariantCulture);
}
