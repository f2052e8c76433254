namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>The metrics of one entry over n simulations (docs/architecture.md, domain rules: models). Money stays integer cents where it is a total.</summary>
/// <param name="PayoutCentsTotal">Σ payout over all simulations, exact cents.</param>
/// <param name="ExpectedPayoutCents">PayoutCentsTotal / n.</param>
/// <param name="MeanNormalizedPayout">Mean of payout ÷ first prize.</param>
/// <param name="MedianNormalizedPayout">Median of payout ÷ first prize.</param>
/// <param name="PositionCounts">Simulations finishing in positions 1..10 (tied or not).</param>
public sealed record EntryMetrics(
    string EntryKey,
    long PayoutCentsTotal,
    double ExpectedPayoutCents,
    double MeanNormalizedPayout,
    double MedianNormalizedPayout,
    double PFirst,
    double PTop3,
    double PTop6,
    double PTop10,
    double PInTheMoney,
    double MeanPoints,
    double StdDevPoints,
    IReadOnlyList<long> PositionCounts);

/// <summary>Simulated frequency of each final progress level 0..7 of one team.</summary>
public sealed record TeamProgressFrequencies(string TeamId, IReadOnlyList<double> Frequencies);

/// <summary>The metrics of a finished set of simulations: entries by expected payout (then entry key), teams by id.</summary>
public sealed record SimulationMetrics(
    long Simulations,
    IReadOnlyList<EntryMetrics> Entries,
    IReadOnlyList<TeamProgressFrequencies> Teams)
{
    /// <summary>Turns exact totals into metrics; the same totals always give the same doubles.</summary>
    public static SimulationMetrics From(SimulationAccumulator totals, PoolModel pool)
    {
        var n = totals.Simulations;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var firstPrize = pool.PayoutCents.Length > 0 && pool.PayoutCents[0] > 0 ? pool.PayoutCents[0] : 1;
        var entries = new List<EntryMetrics>(pool.EntryCount);
        for (var e = 0; e < pool.EntryCount; e++)
        {
            var positions = totals.PositionCounts.AsSpan(e * PoolModel.CountedPositions, PoolModel.CountedPositions).ToArray();
            long Top(int k) => positions.Take(k).Sum();
            var mean = totals.PointsSum[e] / SimulationAccumulator.PointsScale / n;
            var meanSquare = (double)totals.PointsSquaresSum[e] / (SimulationAccumulator.PointsScale * SimulationAccumulator.PointsScale) / n;
            entries.Add(new EntryMetrics(
                pool.EntryKeys[e],
                totals.PayoutCents[e],
                (double)totals.PayoutCents[e] / n,
                (double)totals.PayoutCents[e] / n / firstPrize,
                MedianPayout(totals, pool, e) / firstPrize,
                (double)Top(1) / n,
                (double)Top(3) / n,
                (double)Top(6) / n,
                (double)Top(10) / n,
                (double)totals.InTheMoney[e] / n,
                mean,
                Math.Sqrt(Math.Max(0, meanSquare - (mean * mean))),
                positions));
        }

        var teams = new List<TeamProgressFrequencies>(totals.TeamCount);
        for (var t = 0; t < totals.TeamCount; t++)
        {
            var counts = totals.TeamProgressCounts.AsSpan(t * SimulationAccumulator.ProgressLevels, SimulationAccumulator.ProgressLevels).ToArray();
            teams.Add(new TeamProgressFrequencies(pool.TeamIds[t], counts.Select(c => (double)c / n).ToArray()));
        }

        return new SimulationMetrics(
            n,
            entries.OrderByDescending(m => m.PayoutCentsTotal).ThenBy(m => m.EntryKey, StringComparer.Ordinal).ToList(),
            teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The median payout (cents) from the histogram; unpaid simulations are the implied zeros.</summary>
    private static double MedianPayout(SimulationAccumulator totals, PoolModel pool, int entry)
    {
        var n = totals.Simulations;
        var offset = entry * totals.PayoutBuckets;
        double ValueAt(long rank)
        {
            var seen = n - totals.InTheMoney[entry];
            if (rank < seen)
            {
                return 0;
            }

            for (var b = 0; b < totals.PayoutBuckets; b++)
            {
                seen += totals.PayoutHistogram[offset + b];
                if (rank < seen)
                {
                    return pool.PayoutAmounts[b];
                }
            }

            throw new InvalidOperationException("The payout histogram does not add up to the simulation count.");
        }

        return n % 2 == 1 ? ValueAt(n / 2) : (ValueAt((n / 2) - 1) + ValueAt(n / 2)) / 2;
    }
}
