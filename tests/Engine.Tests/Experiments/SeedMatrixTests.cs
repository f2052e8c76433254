using LabSandbox.Grains.Engine.Experiments;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>Every seed of an experiment derives from its master seed alone, and no two uses share one.</summary>
public sealed class SeedMatrixTests
{
    private const int Iterations = 40;
    private const int SamplesPerIteration = 40;

    public static TheoryData<long> MasterSeeds => new() { 0, 1, 42, 20250320, -1, long.MinValue, long.MaxValue };

    [Theory]
    [MemberData(nameof(MasterSeeds))]
    public void Seeds_are_deterministic(long master)
    {
        Assert.Equal(AllSeeds(master), AllSeeds(master));
        Assert.Equal(SeedMatrix.Evaluation(master, 3, 7), SeedMatrix.Evaluation(master, 3, 7));
        Assert.Equal(SeedMatrix.Proposal(master, 3), SeedMatrix.Proposal(master, 3));
        Assert.Equal(SeedMatrix.Final(master, 7), SeedMatrix.Final(master, 7));
        Assert.Equal(SeedMatrix.Best(master, 7), SeedMatrix.Best(master, 7));
    }

    [Theory]
    [MemberData(nameof(MasterSeeds))]
    public void Seeds_are_non_negative_and_distinct_across_iterations_samples_and_uses(long master)
    {
        var seeds = AllSeeds(master);

        Assert.Equal((Iterations * SamplesPerIteration) + (2 * Iterations) + SamplesPerIteration, seeds.Count);
        Assert.All(seeds, s => Assert.True(s >= 0, $"seed {s} is negative"));
        Assert.Equal(seeds.Count, seeds.Distinct().Count());

        // The same coordinates in different uses differ (e.g. evaluation (i, 0), proposal i, final sample i).
        for (var i = 0; i < Iterations; i++)
        {
            Assert.NotEqual(SeedMatrix.Evaluation(master, i, 0), SeedMatrix.Proposal(master, i));
            Assert.NotEqual(SeedMatrix.Evaluation(master, 0, i), SeedMatrix.Final(master, i));
            Assert.NotEqual(SeedMatrix.Proposal(master, i), SeedMatrix.Final(master, i));
            Assert.NotEqual(SeedMatrix.Evaluation(master, i, 0), SeedMatrix.Best(master, i));
            Assert.NotEqual(SeedMatrix.Proposal(master, i), SeedMatrix.Best(master, i));
            Assert.NotEqual(SeedMatrix.Evaluation(master, i, i + 1), SeedMatrix.Evaluation(master, i + 1, i));
        }
    }

    [Fact]
    public void Different_master_seeds_give_different_seeds_everywhere()
    {
        long[] masters = [0, 1, 2, 42, 43, 20250320, -1, long.MinValue, long.MaxValue];
        var seedSets = masters.Select(m => AllSeeds(m).ToHashSet()).ToList();

        for (var a = 0; a < masters.Length; a++)
        {
            for (var b = a + 1; b < masters.Length; b++)
            {
                // Not a single seed is shared between the two experiments' matrices.
                Assert.False(seedSets[a].Overlaps(seedSets[b]), $"master seeds {masters[a]} and {masters[b]} share a seed");
            }
        }
    }

    private static List<long> AllSeeds(long master)
    {
        var seeds = new List<long>();
        for (var i = 0; i < Iterations; i++)
        {
            for (var s = 0; s < SamplesPerIteration; s++)
            {
                seeds.Add(SeedMatrix.Evaluation(master, i, s));
            }
        }

        for (var i = 0; i < Iterations; i++)
        {
            seeds.Add(SeedMatrix.Proposal(master, i));
            seeds.Add(SeedMatrix.Best(master, i));
        }

        for (var s = 0; s < SamplesPerIteration; s++)
        {
            seeds.Add(SeedMatrix.Final(master, s));
        }

        return seeds;
    }
}
