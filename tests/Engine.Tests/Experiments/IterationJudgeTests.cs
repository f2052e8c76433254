using LabSandbox.Grains.Engine.Experiments;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>The search's decisions from paired gain intervals: prune, accept, stop.</summary>
public sealed class IterationJudgeTests
{
    [Theory]
    [InlineData(-1, true)]
    [InlineData(-5_000, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(40_000, false)]
    public void Prune_exactly_when_the_optimistic_bound_is_below_zero(long high, bool pruned)
    {
        Assert.Equal(pruned, IterationJudge.Prune(Gain(total: (high - 100) * 1_000, n: 1_000, low: high - 200, high: high)));
    }

    [Fact]
    public void Prune_looks_only_at_the_high_bound()
    {
        // A positive mean with a (nonsensical) negative high bound is still pruned; a negative mean with high 0 is not.
        Assert.True(IterationJudge.Prune(Gain(total: 5_000, n: 10, low: -10, high: -1)));
        Assert.False(IterationJudge.Prune(Gain(total: -5_000, n: 10, low: -900, high: 0)));
    }

    [Fact]
    public void Accept_takes_the_largest_mean_among_significant_gains()
    {
        var accepted = IterationJudge.Accept(
        [
            (0, Gain(total: 90_000, n: 1_000, low: -5, high: 185)), // largest mean, but its interval reaches below zero
            (1, Gain(total: 20_000, n: 1_000, low: 1, high: 39)),
            (2, Gain(total: 50_000, n: 1_000, low: 12, high: 88)),
            (3, Gain(total: 40_000, n: 1_000, low: 30, high: 50)), // tighter, but a smaller mean than 2
            (4, Gain(total: 80_000, n: 1_000, low: 0, high: 160)), // low 0 is not above zero
        ]);

        Assert.Equal(2, accepted);
    }

    [Fact]
    public void Accept_breaks_ties_to_the_lower_challenger_whatever_the_list_order()
    {
        // 7 and 3 have the same exact mean (30 cents) over different n; 5 is smaller.
        var seven = (7, Gain(total: 60_000, n: 2_000, low: 5, high: 55));
        var three = (3, Gain(total: 30_000, n: 1_000, low: 2, high: 58));
        var five = (5, Gain(total: 29_999, n: 1_000, low: 9, high: 51));

        Assert.Equal(3, IterationJudge.Accept([seven, three, five]));
        Assert.Equal(3, IterationJudge.Accept([three, seven, five]));
        Assert.Equal(3, IterationJudge.Accept([five, seven, three]));
    }

    [Fact]
    public void Accept_compares_exact_means_not_rounded_cents()
    {
        // Both round to 333 cents; challenger 4's exact mean (333.33) is larger, so it wins despite the higher index.
        var accepted = IterationJudge.Accept(
        [
            (1, Gain(total: 333_000, n: 1_000, low: 100, high: 566)),
            (4, Gain(total: 1_000, n: 3, low: 100, high: 566)),
        ]);

        Assert.Equal(4, accepted);
    }

    [Fact]
    public void Accept_gives_null_when_no_gain_is_significant()
    {
        Assert.Null(IterationJudge.Accept([]));
        Assert.Null(IterationJudge.Accept(
        [
            (0, Gain(total: 10_000, n: 1_000, low: 0, high: 20)),
            (1, Gain(total: -10_000, n: 1_000, low: -20, high: 0)),
            (2, Gain(total: 50_000, n: 1_000, low: -1, high: 101)),
        ]));
    }

    [Fact]
    public void Accept_compares_unrounded_values_where_an_objective_has_no_exact_total()
    {
        // risk_adjusted: no integer total; 10.4 beats 10.3 even though both round to the same cent.
        var accepted = IterationJudge.Accept(
        [
            (0, new ObjectiveEstimate(ExperimentObjectives.RiskAdjusted, ExperimentObjectives.Cents, 1_000, 10.3, 1, 8.3, 12.3, null)),
            (1, new ObjectiveEstimate(ExperimentObjectives.RiskAdjusted, ExperimentObjectives.Cents, 1_000, 10.4, 4, 2.4, 18.4, null)),
        ]);

        Assert.Equal(1, accepted);
    }

    [Fact]
    public void Significant_only_when_the_whole_interval_lies_above_zero()
    {
        Assert.True(IterationJudge.Significant(Gain(total: 2_000, n: 1_000, low: 1, high: 3)));
        Assert.False(IterationJudge.Significant(Gain(total: 2_000, n: 1_000, low: 0, high: 3)));
    }

    [Fact]
    public void No_improvement_possible_only_when_every_interval_lies_below_zero()
    {
        var below = Gain(total: -50_000, n: 1_000, low: -80, high: -20);
        var justBelow = Gain(total: -1_000, n: 1_000, low: -2, high: -1);
        var touching = Gain(total: -1_000, n: 1_000, low: -2, high: 0);
        var above = Gain(total: 50_000, n: 1_000, low: 20, high: 80);

        Assert.True(IterationJudge.NoImprovementPossible([below]));
        Assert.True(IterationJudge.NoImprovementPossible([below, justBelow]));
        Assert.False(IterationJudge.NoImprovementPossible([below, touching]));
        Assert.False(IterationJudge.NoImprovementPossible([above, below]));
        Assert.False(IterationJudge.NoImprovementPossible([]));
    }

    /// <summary>An expected-payout gain as the search builds it: integer cents, the exact total kept for comparisons.</summary>
    private static ObjectiveEstimate Gain(long total, long n, long low, long high) =>
        new(ExperimentObjectives.ExpectedPayout, ExperimentObjectives.Cents, n, (long)Math.Round((decimal)total / n, MidpointRounding.ToEven), 0, low, high, total);
}
