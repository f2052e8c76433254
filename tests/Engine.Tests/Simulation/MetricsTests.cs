using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>Per-entry metrics (docs/architecture.md, domain rules: models): on the known final outcome, and on hand-made totals.</summary>
public sealed class MetricsTests
{
    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void The_locked_final_outcome_gives_certain_metrics_matching_the_real_standings(int year) =>
        AssertCertainMetrics(year, FinalOutcome.Locked);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void The_replayed_final_outcome_gives_certain_metrics_matching_the_real_standings(int year) =>
        AssertCertainMetrics(year, FinalOutcome.Replayed);

    private static void AssertCertainMetrics(int year, string how)
    {
        var (kernel, totals) = FinalOutcome.Run(year, how, 3, seed: 5);
        var metrics = SimulationMetrics.From(totals, kernel.Pool);
        var actual = SimulationData.ActualStandings(year);
        var firstPrize = SimulationData.Pool(year).Payouts.Single(p => p.Position == 1).AmountCents;

        Assert.Equal(3, metrics.Simulations);
        foreach (var row in actual)
        {
            var m = metrics.Entries.Single(x => x.EntryKey == row.EntryKey);
            double Certain(bool b) => b ? 1.0 : 0.0;
            Assert.Equal(Certain(row.FinishPosition == 1), m.PFirst);
            Assert.Equal(Certain(row.FinishPosition <= 3), m.PTop3);
            Assert.Equal(Certain(row.FinishPosition <= 6), m.PTop6);
            Assert.Equal(Certain(row.FinishPosition <= 10), m.PTop10);
            Assert.Equal(Certain(row.PayoutCents > 0), m.PInTheMoney);
            Assert.Equal(row.PayoutCents * 3, m.PayoutCentsTotal);
            Assert.Equal(row.PayoutCents, m.ExpectedPayoutCents);
            Assert.Equal((double)row.PayoutCents / firstPrize, m.MedianNormalizedPayout, 12);
            Assert.Equal((double)row.PayoutCents / firstPrize, m.MeanNormalizedPayout, 12);
        }

        // The real winner (untied in every year) is paid the first prize: median normalized payout exactly 1.
        var winner = actual.Single(a => a.FinishPosition == 1);
        Assert.False(winner.IsTied);
        Assert.Equal(1.0, metrics.Entries.Single(m => m.EntryKey == winner.EntryKey).MedianNormalizedPayout);
        Assert.Equal(winner.EntryKey, metrics.Entries[0].EntryKey);

        // Entries by expected payout descending, then entry key.
        var expectedOrder = actual.OrderByDescending(a => a.PayoutCents).ThenBy(a => a.EntryKey, StringComparer.Ordinal).Select(a => a.EntryKey);
        Assert.Equal(expectedOrder, metrics.Entries.Select(m => m.EntryKey));

        // Teams by id, each certain of its real progress.
        var teams = SimulationData.Tournament(year).Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList();
        Assert.Equal(teams.Select(t => t.TeamId), metrics.Teams.Select(t => t.TeamId));
        Assert.All(teams.Zip(metrics.Teams), pair => Assert.Equal(1.0, pair.Second.Frequencies[pair.First.Progress]));
    }

    [Fact]
    public void Hand_made_totals_give_the_expected_median_mean_and_spread()
    {
        // Three entries on the 2025 bracket, payouts 600 and 300 cents.
        var bracket = SimulationData.Bracket(2025);
        PoolEntrant Entry(string key, string team) => new(key, [new EntrantBid(team, 10)]);
        var pool = PoolModel.Create(
            bracket, [Entry("B", "duke"), Entry("A", "florida"), Entry("C", "houston")], RoundPoints.HouseRules,
            [new PositionPrize(1, 600), new PositionPrize(2, 300)]);
        Assert.Equal(["A", "B", "C"], pool.EntryKeys.ToArray());

        // Four simulations. A: 600, 600, 300, 0 (median 450); B: 300, 0, 0, 0 (median 0); C: 0, 300, 600, 450 (tie at 1st, median 375).
        var totals = new SimulationAccumulator(3, 68, pool.PayoutAmounts.Length) { Simulations = 4 };
        void Paid(int entry, long cents, long times)
        {
            totals.PayoutHistogram[(entry * pool.PayoutAmounts.Length) + Array.IndexOf(pool.PayoutAmounts, cents)] += times;
            totals.PayoutCents[entry] += cents * times;
            totals.InTheMoney[entry] += times;
        }

        Paid(0, 600, 2);
        Paid(0, 300, 1);
        Paid(1, 300, 1);
        Paid(2, 300, 1);
        Paid(2, 600, 1);
        Paid(2, 450, 1);

        // Entry A scored 10, 20, 30, 40 points: mean 25, population standard deviation √125.
        totals.PointsSum[0] = 100 * 65536L;
        totals.PointsSquaresSum[0] = (Int128)(100 + 400 + 900 + 1600) * 65536 * 65536;
        totals.PositionCounts[0] = 2;
        totals.PositionCounts[1] = 1;
        totals.PositionCounts[(2 * 10) + 0] = 2;
        totals.PositionCounts[(2 * 10) + 1] = 1;

        var metrics = SimulationMetrics.From(totals, pool);

        Assert.Equal(["A", "C", "B"], metrics.Entries.Select(m => m.EntryKey));
        var (a, c, b) = (metrics.Entries[0], metrics.Entries[1], metrics.Entries[2]);
        Assert.Equal(1350, c.PayoutCentsTotal);
        Assert.Equal(1500, a.PayoutCentsTotal);
        Assert.Equal(300, b.PayoutCentsTotal);
        Assert.Equal(375.0 / 600, c.MedianNormalizedPayout, 12);
        Assert.Equal(450.0 / 600, a.MedianNormalizedPayout, 12);
        Assert.Equal(0.0, b.MedianNormalizedPayout);
        Assert.Equal(375.0, a.ExpectedPayoutCents, 12);
        Assert.Equal(0.625, a.MeanNormalizedPayout, 12);
        Assert.Equal(0.75, a.PInTheMoney);
        Assert.Equal(0.5, a.PFirst);
        Assert.Equal(0.75, a.PTop3);
        Assert.Equal(25.0, a.MeanPoints, 9);
        Assert.Equal(Math.Sqrt(125), a.StdDevPoints, 9);
        Assert.Equal(0.5, c.PFirst);
        Assert.Equal(0.75, c.PInTheMoney);
    }
}
