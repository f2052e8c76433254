using LabSandbox.Grains.Engine.Fields;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>Field blocks and field sources: a field is a function of (seed, field index) only.</summary>
public sealed class FieldSourceTests
{
    [Fact]
    public void Simulation_i_plays_field_i_over_1000_and_ranges_split_at_field_boundaries()
    {
        Assert.Equal(1_000, FieldBlocks.SimulationsPerField);
        Assert.Equal(0, FieldBlocks.FieldOf(999));
        Assert.Equal(1, FieldBlocks.FieldOf(1_000));
        Assert.Equal([(1L, 1_500L, 500L), (2L, 2_000L, 1_000L), (3L, 3_000L, 1L)], FieldBlocks.Split(1_500, 1_501));
        Assert.Empty(FieldBlocks.Split(10, 0));
    }

    [Fact]
    public void Same_seed_and_index_give_the_same_field_from_either_model_and_another_index_another()
    {
        foreach (var make in new Func<long, ModeledFieldSource>[] { FieldedData.MarketSource, FieldedData.HistorySource })
        {
            var source = make(42);
            var first = FieldFixtures.Describe(source.Draw(3));
            source.Draw(9);
            Assert.Equal(first, FieldFixtures.Describe(make(42).Draw(3)));
            Assert.Equal(first, FieldFixtures.Describe(source.Draw(3)));
            Assert.NotEqual(first, FieldFixtures.Describe(source.Draw(4)));
            Assert.NotEqual(first, FieldFixtures.Describe(make(43).Draw(3)));
            Assert.Equal(FieldedData.Opponents, source.Draw(3).Count);
            Assert.False(source.IsFixed);
        }
    }

    [Fact]
    public void The_sources_name_their_model_and_version_and_the_real_one_is_fixed()
    {
        Assert.Equal((FieldModelKinds.MarketSampled, FieldModelKinds.MarketSampledVersion), (FieldedData.MarketSource(1).Kind, FieldedData.MarketSource(1).Version));
        Assert.Equal((FieldModelKinds.HistoryResampled, FieldModelKinds.HistoryResampledVersion), (FieldedData.HistorySource(1).Kind, FieldedData.HistorySource(1).Version));
        var real = new RealFieldSource(FieldedData.Pool.Entries);
        Assert.True(real.IsFixed);
        Assert.Same(real.Draw(0), real.Draw(77));
        Assert.Equal(FieldedData.Pool.Entries.Count, real.Opponents);
    }
}
