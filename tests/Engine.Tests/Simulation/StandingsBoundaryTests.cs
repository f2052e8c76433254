namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// Standings where the ranked positions end: many paid positions (≥ 16 forces the portable path), tie
/// chains across the top-10 edge, and a randomized comparison with the naive reference.
/// </summary>
public sealed class StandingsBoundaryTests
{
    /// <summary>Position p (1..20) pays (21 − p) × 100 cents: 2,000 down to 100, 21,000 in all.</summary>
    private static readonly long[] TwentyPayouts = Enumerable.Range(1, 20).Select(p => (21L - p) * 100).ToArray();

    /// <summary>Entry e (of 25) sits at rank Shuffle(e): keys and points in unrelated orders.</summary>
    private static int Shuffle(int e) => (e * 7) % 25;

    [Fact]
    public void Twenty_paid_positions_with_a_tie_straddling_the_last_paid_one()
    {
        // Ranks 0..17 score 100 − rank; ranks 18, 19, 20 all score 82 (a three-way tie at 19th); the rest lower.
        var points = new double[25];
        for (var e = 0; e < 25; e++)
        {
            var rank = Shuffle(e);
            points[e] = rank is >= 18 and <= 20 ? 82 : 100 - rank;
        }

        foreach (var likelyFirst in new[] { null, StandingsHarness.Reversed(25) })
        {
            var rows = StandingsHarness.Rows(points, TwentyPayouts, 20, likelyFirst);

            // Positions 1..18 untied; the tie group at 19 pools 200 + 100 + 0 = 300 → 100 each; 22nd+ are not rows.
            Assert.Equal(21, rows.Length);
            for (var r = 0; r < 18; r++)
            {
                Assert.Equal(new Row(Array.FindIndex(points, p => p == 100 - r), new Standing(r + 1, (20L - r) * 100, false)), rows[r]);
            }

            var tied = Enumerable.Range(0, 25).Where(e => points[e] == 82).ToArray();
            Assert.Equal(tied, rows[18..].Select(r => r.Entry));
            Assert.All(rows[18..], r => Assert.Equal(new Standing(19, 100, true), r.Standing));
            Assert.Equal(21_000, rows.Sum(r => r.Standing.Payout));
        }
    }

    [Fact]
    public void Twenty_paid_positions_with_a_two_way_tie_at_first()
    {
        var points = new double[25];
        for (var e = 0; e < 25; e++)
        {
            points[e] = 100 - Math.Max(1, Shuffle(e));
        }

        // Ranks 0 and 1 (entries 0 and 18) both score 99: they pool 2,000 + 1,900; the next entry is 3rd.
        var rows = StandingsHarness.Rows(points, TwentyPayouts, 20, StandingsHarness.Reversed(25));

        Assert.Equal(20, rows.Length);
        Assert.Equal(new Row(0, new Standing(1, 1950, true)), rows[0]);
        Assert.Equal(new Row(18, new Standing(1, 1950, true)), rows[1]);
        Assert.Equal(new Standing(3, 1800, false), rows[2].Standing);
        Assert.Equal(98, points[rows[2].Entry]);
        Assert.Equal(new Standing(20, 100, false), rows[19].Standing);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5e-5)]
    public void A_tie_across_the_tenth_place_edge_returns_both_rows(double gap)
    {
        // Ranks 0..9 score 100, 90, …, 10; rank 10 scores 10 − gap (tied with 10th); rank 11 scores 5.
        var points = new double[12];
        for (var e = 0; e < 12; e++)
        {
            var rank = (e * 5) % 12;
            points[e] = rank switch { 10 => 10 - gap, 11 => 5, _ => 100 - (10 * rank) };
        }

        foreach (var likelyFirst in new[] { null, StandingsHarness.Reversed(12) })
        {
            var rows = StandingsHarness.Rows(points, [300, 200, 100], 10, likelyFirst);

            Assert.Equal(11, rows.Length);
            Assert.Equal([300, 200, 100], rows[..3].Select(r => r.Standing.Payout));
            Assert.Equal([100, 90, 80], rows[..3].Select(r => points[r.Entry]));
            Assert.All(rows[3..9], r => Assert.Equal(new Standing(Array.IndexOf(rows, r) + 1, 0, false), r.Standing));

            // The tied pair: both at 10th, in key order, paid nothing; the 5-point entry is not a row.
            var pair = Enumerable.Range(0, 12).Where(e => points[e] >= 10 - gap && points[e] <= 10).ToArray();
            Assert.Equal(2, pair.Length);
            Assert.Equal(pair.Select(e => new Row(e, new Standing(10, 0, true))), rows[9..]);
        }
    }

    [Fact]
    public void Random_pools_match_the_reference()
    {
        var random = new Random(20250321);
        for (var trial = 0; trial < 3000; trial++)
        {
            var entries = random.Next(1, 61);
            var paid = random.Next(1, 25);
            var payouts = Enumerable.Range(0, paid).Select(_ => (long)random.Next(0, 100_000)).OrderDescending().ToArray();

            // Few distinct levels, some jittered under the tolerance, so ties and tie chains are common.
            var levels = random.Next(1, 12);
            var points = Enumerable.Range(0, entries)
                .Select(_ => (random.Next(levels) * 0.7) + (random.Next(4) == 0 ? random.NextDouble() * 4e-5 : 0))
                .ToArray();
            var ranked = trial % 3 == 0 ? paid : Math.Max(10, paid);
            int[]? likelyFirst = trial % 2 == 0 ? null : Enumerable.Range(0, entries).OrderBy(_ => random.Next()).ToArray();

            StandingsHarness.AssertMatchesReference(points, payouts, ranked, likelyFirst);
        }
    }
}
