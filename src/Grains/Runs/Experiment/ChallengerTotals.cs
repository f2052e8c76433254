using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Runs.PairedSimulation;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// One variant's exact sums, paired with the incumbent's on the same simulations, summed over an iteration's samples
/// (independent seeds, each paired within itself; over a modeled field their field blocks' cluster sums add); its payout and gain, and both under the experiment's objective.
/// </summary>
public sealed class ChallengerTotals(ExperimentSearchSettings settings)
{
    private PairedSums _sums = PairedSums.Empty;

    public long Simulations => _sums.Simulations;

    /// <summary>Adds one run's sums of <paramref name="variant"/>, paired with <paramref name="reference"/> (the run's variant 0).</summary>
    public void Add(long simulations, PairedVariantMetrics variant, PairedVariantMetrics reference) =>
        _sums = _sums.Add(variant.Paired(simulations, reference));

    /// <summary>The variant's payout (cluster-robust interval over a modeled field).</summary>
    public PayoutStatistic Payout(double z = PayoutStatistics.Z95) =>
        (_sums.Clusters is null
            ? PayoutStatistics.From(_sums.Simulations, _sums.Variant.Sum, _sums.Variant.Squares, z)
            : ObjectiveStatistics.PayoutGain(_sums.Alone(), z)).ToPayoutStatistic();

    /// <summary>The paired payout gain over the incumbent (cluster-robust interval over a modeled field).</summary>
    public PayoutStatistic Gain(double z = PayoutStatistics.Z95) => ObjectiveStatistics.PayoutGain(_sums, z).ToPayoutStatistic();

    /// <summary>The paired gain over the incumbent under the objective: what the judge reads.</summary>
    public ObjectiveEstimate ObjectiveGain(double z = PayoutStatistics.Z95) =>
        ObjectiveStatistics.Gain(settings.Objective, settings.RiskAversion, _sums, z);

    /// <summary>The variant's own value under the objective.</summary>
    public ObjectiveEstimate ObjectiveValue(double z = PayoutStatistics.Z95) =>
        ObjectiveStatistics.Value(settings.Objective, settings.RiskAversion, _sums, z);
}
