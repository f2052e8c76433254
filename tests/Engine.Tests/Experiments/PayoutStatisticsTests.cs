using LabSandbox.Grains.Engine.Experiments;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>Mean and normal-approximation interval of per-simulation cents, against a textbook computation done here.</summary>
public sealed class PayoutStatisticsTests
{
    public static TheoryData<long[]> Samples => new()
    {
        // Payouts of a 6-prize pool: mostly nothing, now and then a prize.
        new long[] { 0, 0, 60_000, 0, 3_000, 0, 0, 22_500, 0, 0, 0, 6_000, 0, 0, 36_500, 0 },
        // Paired gains: negative and positive.
        new long[] { -60_000, 0, 0, 13_000, -3_000, 0, 57_000, 0, -36_500, 0, 0, 0 },
        // Two values (the smallest n).
        new long[] { 1, 4 },
        // Small spread around a non-integer mean.
        new long[] { 100, 101, 101, 103, 99, 100, 102 },
    };

    [Fact]
    public void Z95_is_the_two_sided_95_percent_normal_quantile()
    {
        // Φ⁻¹(0.975) = 1.959963984540054...
        Assert.Equal(1.959963984540054, PayoutStatistics.Z95, 12);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Mean_and_interval_match_the_textbook_formulas(long[] values)
    {
        var n = values.Length;
        var total = values.Sum();
        var squares = values.Aggregate(Int128.Zero, (s, v) => s + ((Int128)v * v));

        var statistic = PayoutStatistics.From(n, total, squares, PayoutStatistics.Z95);

        // Textbook: exact mean (decimal), sample variance Σ(x − x̄)² / (n − 1), half width z·s/√n.
        var mean = (decimal)total / n;
        var variance = values.Sum(v => ((decimal)v - mean) * ((decimal)v - mean)) / (n - 1);
        var halfWidth = 1.959963984540054 * Math.Sqrt((double)variance / n);
        var low = (double)mean - halfWidth;
        var high = (double)mean + halfWidth;

        Assert.Equal(n, statistic.Simulations);
        Assert.Equal(total, statistic.TotalCents);
        Assert.Equal((long)Math.Round(mean, MidpointRounding.ToEven), statistic.MeanCents);

        // Integer bounds, rounded outward, each within a cent of the exact bound.
        const double slack = 1e-6;
        Assert.True(statistic.LowCents <= low + slack, $"low {statistic.LowCents} above the exact bound {low}");
        Assert.True(statistic.LowCents > low - 1, $"low {statistic.LowCents} more than a cent below the exact bound {low}");
        Assert.True(statistic.HighCents >= high - slack, $"high {statistic.HighCents} below the exact bound {high}");
        Assert.True(statistic.HighCents < high + 1, $"high {statistic.HighCents} more than a cent above the exact bound {high}");
        Assert.True(statistic.LowCents <= statistic.MeanCents && statistic.MeanCents <= statistic.HighCents);
    }

    [Fact]
    public void A_wider_z_gives_a_wider_interval_around_the_same_mean()
    {
        long[] values = [0, 0, 60_000, 0, 3_000, 0, 0, 22_500];
        var squares = values.Aggregate(Int128.Zero, (s, v) => s + ((Int128)v * v));

        var narrow = PayoutStatistics.From(values.Length, values.Sum(), squares, 1.0);
        var wide = PayoutStatistics.From(values.Length, values.Sum(), squares, 3.0);

        Assert.Equal(narrow.MeanCents, wide.MeanCents);
        Assert.True(wide.LowCents < narrow.LowCents);
        Assert.True(wide.HighCents > narrow.HighCents);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3_000, 5)]
    [InlineData(-1_250, 1_000)]
    [InlineData(60_000, 250_000)]
    public void Equal_values_have_a_zero_width_interval_at_their_value(long value, long n)
    {
        var statistic = PayoutStatistics.From(n, value * n, (Int128)value * value * n, PayoutStatistics.Z95);

        Assert.Equal(value, statistic.MeanCents);
        Assert.Equal(value, statistic.LowCents);
        Assert.Equal(value, statistic.HighCents);
    }

    [Theory]
    [InlineData(5, 2, 2)] // 2.5 → 2 (half to even)
    [InlineData(7, 2, 4)] // 3.5 → 4
    [InlineData(-5, 2, -2)] // −2.5 → −2
    [InlineData(2, 3, 1)] // 0.667 → 1
    public void The_mean_is_rounded_once_half_to_even(long total, long n, long expected)
    {
        // Squares large enough for any values with this total; only the mean is checked here.
        var statistic = PayoutStatistics.From(n, total, (Int128)total * total, PayoutStatistics.Z95);

        Assert.Equal(expected, statistic.MeanCents);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-3)]
    public void Fewer_than_two_simulations_throw(long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PayoutStatistics.From(n, 100, 10_000, PayoutStatistics.Z95));
    }

    [Fact]
    public void CompareMean_is_exact_where_doubles_are_not()
    {
        var third = Stat(total: 1, n: 3);
        var almostThird = Stat(total: 333_333_333_333_333_333, n: 1_000_000_000_000_000_000);

        // As doubles the two means are the same number; exactly, 1/3 is larger.
        Assert.Equal(1.0 / 3, (double)almostThird.TotalCents / almostThird.Simulations);
        Assert.True(third.CompareMean(almostThird) > 0);
        Assert.True(almostThird.CompareMean(third) < 0);

        // 1/3 vs 333/1000, and equal means with different n.
        Assert.True(third.CompareMean(Stat(333, 1_000)) > 0);
        Assert.True(Stat(333, 1_000).CompareMean(third) < 0);
        Assert.Equal(0, third.CompareMean(Stat(2, 6)));
        Assert.Equal(0, Stat(-4, 8).CompareMean(Stat(-1, 2)));
        Assert.True(Stat(-1, 3).CompareMean(Stat(-333, 1_000)) < 0);

        // The rounded MeanCents play no part: 1000/3 and 333/1 both round to 333 cents, but 1000/3 is larger.
        Assert.Equal(Stat(1_000, 3).MeanCents, Stat(333, 1).MeanCents);
        Assert.True(Stat(1_000, 3).CompareMean(Stat(333, 1)) > 0);
    }

    private static PayoutEstimate Stat(long total, long n) =>
        new(n, total, (long)Math.Round((decimal)total / n, MidpointRounding.ToEven), long.MinValue, long.MaxValue);
}
