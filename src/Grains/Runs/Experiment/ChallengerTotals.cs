using System.Globalization;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Runs.PairedSimulation;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>One variant's exact totals summed over an iteration's samples (independent seeds, each paired within itself).</summary>
public sealed class ChallengerTotals
{
    private long _simulations;
    private long _payout;
    private Int128 _payoutSquares;
    private long _gain;
    private Int128 _gainSquares;

    public long Simulations => _simulations;

    public void Add(long simulations, PairedVariantMetrics variant)
    {
        _simulations += simulations;
        _payout += variant.PayoutCentsTotal;
        _payoutSquares += Int128.Parse(variant.PayoutCentsSquares, CultureInfo.InvariantCulture);
        _gain += variant.GainCentsTotal;
        _gainSquares += Int128.Parse(variant.GainCentsSquares, CultureInfo.InvariantCulture);
    }

    public PayoutStatistic Payout(double z = PayoutStatistics.Z95) =>
        PayoutStatistics.From(_simulations, _payout, _payoutSquares, z).ToPayoutStatistic();

    /// <summary>The paired gain over the incumbent.</summary>
    public PayoutStatistic Gain(double z = PayoutStatistics.Z95) => PayoutStatistics.From(_simulations, _gain, _gainSquares, z).ToPayoutStatistic();
}
