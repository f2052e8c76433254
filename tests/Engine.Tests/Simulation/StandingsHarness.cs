using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>Runs <see cref="StandingsCalculator"/> and turns its rows into a per-entry view.</summary>
internal static class StandingsHarness
{
    /// <summary>The calculator's rows, best first.</summary>
    public static Row[] Rows(IReadOnlyList<double> points, long[] payoutCents, int rankedPositions, int[]? likelyFirst = null)
    {
        var calculator = new StandingsCalculator(payoutCents, rankedPositions, points.Count, likelyFirst);
        var count = calculator.Resolve(points.ToArray());
        var rows = new Row[count];
        for (var r = 0; r < count; r++)
        {
            rows[r] = new Row(
                calculator.RowEntries[r], new Standing(calculator.RowPositions[r], calculator.RowPayouts[r], calculator.RowTied[r]));
        }

        return rows;
    }

    /// <summary>
    /// Asserts the calculator's rows are exactly the entries the reference places within the ranked positions,
    /// best first, with the reference's position, payout and tie flag.
    /// </summary>
    public static void AssertMatchesReference(IReadOnlyList<double> points, long[] payoutCents, int rankedPositions, int[]? likelyFirst = null)
    {
        var expected = ReferenceStandings.Resolve(points, payoutCents);
        var rows = Rows(points, payoutCents, rankedPositions, likelyFirst);
        var ranked = Enumerable.Range(0, points.Count).Where(e => expected[e].Position <= rankedPositions).ToList();
        var context = $"points [{string.Join(", ", points)}], payouts [{string.Join(", ", payoutCents)}], ranked {rankedPositions}";
        Assert.True(ranked.Count == rows.Length, $"{context}: expected {ranked.Count} rows, got {rows.Length}.");
        Assert.Equal(ranked.Count, rows.Select(r => r.Entry).Distinct().Count());
        for (var r = 0; r < rows.Length; r++)
        {
            var (entry, standing) = rows[r];
            Assert.True(expected[entry] == standing, $"{context}: entry {entry} expected {expected[entry]}, got {standing}.");
            if (r > 0)
            {
                Assert.True(rows[r - 1].Standing.Position <= standing.Position, $"{context}: rows are not best first.");
            }
        }
    }

    /// <summary>Every entry index in reverse: a visiting order unlike index order.</summary>
    public static int[] Reversed(int count) => Enumerable.Range(0, count).Reverse().ToArray();
}

internal readonly record struct Row(int Entry, Standing Standing);
