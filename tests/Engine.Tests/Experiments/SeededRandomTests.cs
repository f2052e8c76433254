using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>The proposer's random stream: SplitMix64, unbiased integers, weighted picks.</summary>
public sealed class SeededRandomTests
{
    [Fact]
    public void The_sequence_is_SplitMix64_value_for_value()
    {
        // Published SplitMix64 reference outputs for seed 0 (Vigna's splitmix64.c).
        var random = new SeededRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
        Assert.Equal(0xF88BB8A8724C81ECUL, random.NextUInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(-7)]
    [InlineData(long.MaxValue)]
    public void The_same_seed_gives_the_same_sequence_and_another_seed_another(long seed)
    {
        var a = new SeededRandom(seed);
        var b = new SeededRandom(seed);
        var c = new SeededRandom(seed + 1);

        var first = Enumerable.Range(0, 200).Select(_ => a.NextUInt64()).ToList();
        var second = Enumerable.Range(0, 200).Select(_ => b.NextUInt64()).ToList();
        var other = Enumerable.Range(0, 200).Select(_ => c.NextUInt64()).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(200, first.Distinct().Count());

        // Mixed draws replay too.
        var x = new SeededRandom(seed);
        var y = new SeededRandom(seed);
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => (x.Next(i + 1), x.NextDouble(), x.NextWeighted([1.0, 2.0, 0.0, 4.0]))).ToList(),
            Enumerable.Range(0, 100).Select(i => (y.Next(i + 1), y.NextDouble(), y.NextWeighted([1.0, 2.0, 0.0, 4.0]))).ToList());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(68)]
    [InlineData(1_000_003)]
    [InlineData(int.MaxValue)]
    public void Next_stays_in_range(int exclusiveMax)
    {
        var random = new SeededRandom(exclusiveMax);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.InRange(random.Next(exclusiveMax), 0, exclusiveMax - 1);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Next_rejects_an_empty_range(int exclusiveMax)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeededRandom(1).Next(exclusiveMax));
    }

    [Fact]
    public void Next_of_six_is_roughly_uniform()
    {
        const int draws = 60_000;
        var counts = new int[6];
        var random = new SeededRandom(20250320);
        for (var i = 0; i < draws; i++)
        {
            counts[random.Next(6)]++;
        }

        // χ² with 5 degrees of freedom: P(χ² > 25.7) ≈ 1e-4. Each face also within 5% of 10,000.
        var expected = draws / 6.0;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 25.7, $"χ² = {chiSquare:F2} for counts {string.Join(", ", counts)}");
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_is_in_the_unit_interval_with_mean_one_half()
    {
        var random = new SeededRandom(9);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.NextDouble()).ToList();

        Assert.All(values, v => Assert.True(v >= 0 && v < 1));
        // Uniform: mean 1/2, standard error √(1/12/50,000) ≈ 0.0013.
        Assert.InRange(values.Average(), 0.495, 0.505);
        Assert.InRange(values.Count(v => v < 0.25) / 50_000.0, 0.24, 0.26);
    }

    [Fact]
    public void NextWeighted_never_picks_a_zero_weight_and_follows_the_weights()
    {
        double[] weights = [0, 1, 0, 3, 0, 0.5, 0];
        const int draws = 45_000;
        var counts = new int[weights.Length];
        var random = new SeededRandom(3);
        for (var i = 0; i < draws; i++)
        {
            counts[random.NextWeighted(weights)]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.Equal(0, counts[2]);
        Assert.Equal(0, counts[4]);
        Assert.Equal(0, counts[6]);

        // Expected shares 1/4.5, 3/4.5, 0.5/4.5; binomial standard errors are about 0.002–0.0025.
        Assert.InRange(counts[1] / (double)draws, 0.2122, 0.2322);
        Assert.InRange(counts[3] / (double)draws, 0.6567, 0.6767);
        Assert.InRange(counts[5] / (double)draws, 0.1011, 0.1211);
    }

    [Fact]
    public void NextWeighted_with_one_positive_weight_always_picks_it()
    {
        var random = new SeededRandom(11);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.Equal(0, random.NextWeighted([2.0, 0.0, 0.0]));
            Assert.Equal(2, random.NextWeighted([0.0, 0.0, 1e-300]));
            Assert.Equal(1, random.NextWeighted([0.0, 7.0]));
        }
    }

    [Fact]
    public void NextWeighted_throws_when_no_weight_is_positive()
    {
        var random = new SeededRandom(1);

        Assert.Throws<ArgumentException>(() => random.NextWeighted([0.0, 0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => random.NextWeighted([]));
    }
}
