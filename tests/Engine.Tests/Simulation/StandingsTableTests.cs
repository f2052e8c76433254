namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// The "Standings and payouts" table of optimizer-cases.md, each row resolved three ways: alone (every
/// entry ranked), below-index padding with few ranked positions (the 16-lane AVX-512 buffer where the CPU
/// has it) and padding with 20 ranked positions (the portable insertion buffer). Expected values are the table's.
/// </summary>
public sealed class StandingsTableTests
{
    /// <summary>name, points (entry-key order), payouts by position, then per entry: payout, position, tied.</summary>
    public static TheoryData<string, double[], long[], long[], int[], bool[]> Table() => new()
    {
        { "two-way tie at 1st splits 100 + 50", [10, 10], [100, 50], [75, 75], [1, 1], [true, true] },
        { "199 split: remainder cent to the first by key", [10, 10], [100, 99], [100, 99], [1, 1], [true, true] },
        { "three tied, 300 + 150 + 150", [50, 50, 50], [300, 150, 150], [200, 200, 200], [1, 1, 1], [true, true, true] },
        { "three tied, 301 pooled", [50, 50, 50], [100, 100, 101], [101, 100, 100], [1, 1, 1], [true, true, true] },
        { "3rd-4th tied with nothing left", [20, 15, 10, 10], [200, 100], [200, 100, 0, 0], [1, 2, 3, 3], [false, false, true, true] },
        { "four tied, 1000 pooled", [7, 7, 7, 7], [400, 200, 200, 200], [250, 250, 250, 250], [1, 1, 1, 1], [true, true, true, true] },
        { "tie straddles the last paid position", [20, 10, 10, 10], [300, 150, 50], [300, 67, 67, 66], [1, 2, 2, 2], [false, true, true, true] },
        { "after a 2-way tie at 1st the next is 3rd", [10, 10, 5], [100, 50, 25], [75, 75, 25], [1, 1, 3], [true, true, false] },
        { "a single entry", [42], [500, 300], [500], [1], [false] },
        { "5e-5 apart is a tie", [10, 10 - 5e-5], [100, 50], [75, 75], [1, 1], [true, true] },
        { "2e-4 apart is not a tie", [10 - 2e-4, 10], [100, 50], [50, 100], [2, 1], [false, false] },
        { "remainder goes by key, not by points order", [10, 20, 10], [100, 51, 50], [51, 100, 50], [2, 1, 2], [true, false, true] },
        { "remainder by key with the tie group later in the keys", [3, 9, 9, 9, 1], [500, 100, 100, 1], [1, 234, 233, 233, 0], [4, 1, 1, 1, 5], [false, true, true, true, false] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Alone_with_every_entry_ranked(string name, double[] points, long[] payouts, long[] expectedPayouts, int[] expectedPositions, bool[] expectedTied)
    {
        var rows = StandingsHarness.Rows(points, payouts, Math.Max(10, payouts.Length));

        Assert.Equal(points.Length, rows.Length);
        AssertCaseEntries(name, rows, offset: 0, expectedPayouts, expectedPositions, expectedTied);
        Assert.Equal(payouts.Take(points.Length).Sum(), rows.Sum(r => r.Standing.Payout));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Below_padding_with_few_ranked_positions(string name, double[] points, long[] payouts, long[] expectedPayouts, int[] expectedPositions, bool[] expectedTied)
    {
        const int padding = 20;
        var padded = Pad(points, padding);
        var ranked = Math.Max(points.Length, payouts.Length);

        AssertCaseEntries(name, StandingsHarness.Rows(padded, payouts, ranked), padding, expectedPayouts, expectedPositions, expectedTied);
        StandingsHarness.AssertMatchesReference(padded, payouts, ranked);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Below_padding_with_twenty_ranked_positions(string name, double[] points, long[] payouts, long[] expectedPayouts, int[] expectedPositions, bool[] expectedTied)
    {
        const int padding = 30;
        var padded = Pad(points, padding);
        var reversed = StandingsHarness.Reversed(padded.Length);

        AssertCaseEntries(name, StandingsHarness.Rows(padded, payouts, 20), padding, expectedPayouts, expectedPositions, expectedTied);
        AssertCaseEntries(name, StandingsHarness.Rows(padded, payouts, 20, reversed), padding, expectedPayouts, expectedPositions, expectedTied);
        StandingsHarness.AssertMatchesReference(padded, payouts, 20, reversed);
    }

    /// <summary>
    /// Entries 0..padding − 1 (earlier keys than the case's) score well below the case, 1 point apart;
    /// the case's entries follow, so their positions, payouts and key order within ties are unchanged.
    /// </summary>
    private static double[] Pad(double[] points, int padding)
    {
        var floor = points.Min() - 1;
        return [.. Enumerable.Range(0, padding).Select(i => floor - i), .. points];
    }

    private static void AssertCaseEntries(
        string name, Row[] rows, int offset, long[] expectedPayouts, int[] expectedPositions, bool[] expectedTied)
    {
        for (var i = 0; i < expectedPayouts.Length; i++)
        {
            var matches = rows.Where(r => r.Entry == offset + i).ToList();
            Assert.True(matches.Count == 1, $"{name}: entry {i} appears in {matches.Count} rows.");
            var expected = new Standing(expectedPositions[i], expectedPayouts[i], expectedTied[i]);
            Assert.True(expected == matches[0].Standing, $"{name}: entry {i} expected {expected}, got {matches[0].Standing}.");
        }
    }
}
