using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// A simulation of the real final outcome must reproduce the data file's <c>derived_actual_standings</c>
/// to the cent. Each check runs with every game locked (<c>through_round:7</c>) and, until the kernel's
/// through_round:7 bug is fixed, also with only the final simulated and the real champion winning it.
/// </summary>
public sealed class RealFinalStandingsTests
{
    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void One_locked_simulation_reproduces_the_real_standings(int year) => AssertRealStandings(year, FinalOutcome.Locked);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void One_replayed_simulation_reproduces_the_real_standings(int year) => AssertRealStandings(year, FinalOutcome.Replayed);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void Locked_mean_points_are_the_real_total_points(int year) => AssertRealPoints(year, FinalOutcome.Locked);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void Replayed_mean_points_are_the_real_total_points(int year) => AssertRealPoints(year, FinalOutcome.Replayed);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void Every_team_ends_at_its_real_progress_whatever_the_seed(int year)
    {
        var (kernel, a) = FinalOutcome.Run(year, FinalOutcome.Locked, 5, seed: 1);
        var b = kernel.CreateAccumulator();
        kernel.Run(2, 100, 5, b);

        var teams = kernel.Tournament.Bracket.Teams;
        for (var t = 0; t < teams.Length; t++)
        {
            var counts = a.TeamProgressCounts.AsSpan(t * 8, 8).ToArray();
            Assert.True(counts[teams[t].Progress] == 5, $"{year} {teams[t].TeamId} (real progress {teams[t].Progress}): counts [{string.Join(", ", counts)}].");
        }

        Assert.Equal(a.ToCanonicalBytes(), b.ToCanonicalBytes());
    }

    private static void AssertRealStandings(int year, string how)
    {
        var (kernel, totals) = FinalOutcome.Run(year, how, 1, seed: 987_654_321);
        var actual = SimulationData.ActualStandings(year).ToDictionary(a => a.EntryKey, StringComparer.Ordinal);

        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), kernel.Pool.EntryKeys);
        Assert.Equal(1, totals.Simulations);
        for (var e = 0; e < kernel.Pool.EntryCount; e++)
        {
            var row = actual[kernel.Pool.EntryKeys[e]];
            Assert.True(row.PayoutCents == totals.PayoutCents[e], $"{year} {row.EntryKey}: real payout {row.PayoutCents}, simulated {totals.PayoutCents[e]}.");
            Assert.Equal(row.PayoutCents > 0 ? 1 : 0, totals.InTheMoney[e]);
            for (var position = 1; position <= 10; position++)
            {
                var expected = row.FinishPosition == position ? 1 : 0;
                Assert.True(
                    expected == totals.PositionCounts[(e * 10) + position - 1],
                    $"{year} {row.EntryKey} (real finish {row.FinishPosition}): position {position} count {totals.PositionCounts[(e * 10) + position - 1]}.");
            }
        }

        // All the prize money is paid out (every real pool has more entries than paid positions).
        Assert.Equal(kernel.Pool.PayoutCents.Sum(), totals.PayoutCents.Sum());
        Assert.Equal(actual.Values.Sum(a => a.PayoutCents), totals.PayoutCents.Sum());
    }

    private static void AssertRealPoints(int year, string how)
    {
        var (kernel, totals) = FinalOutcome.Run(year, how, 3, seed: 1);
        var metrics = SimulationMetrics.From(totals, kernel.Pool);

        foreach (var row in SimulationData.ActualStandings(year))
        {
            var entry = metrics.Entries.Single(m => m.EntryKey == row.EntryKey);
            Assert.True(
                Math.Abs(row.TotalPoints - entry.MeanPoints) <= 1e-4,
                $"{year} {row.EntryKey}: real {row.TotalPoints}, simulated mean {entry.MeanPoints}.");
            Assert.True(entry.StdDevPoints < 1e-3, $"{year} {row.EntryKey}: points vary ({entry.StdDevPoints}) though nothing is random.");
        }
    }
}
