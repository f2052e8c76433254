using LabSandbox.Grains.Engine.Optimizer;
using static LabSandbox.Engine.Tests.Optimizer.OptimizerAssert;

namespace LabSandbox.Engine.Tests.Optimizer;

public class DpOptimizerValidationTests
{
    private static readonly OptimizerTeam[] TwoTeams = Teams((10, 1), (5, 2));

    public static TheoryData<OptimizerBounds> InconsistentBounds() => new()
    {
        new OptimizerBounds(Budget: -1, MinTeams: 0, MaxTeams: 2, MinBid: 1, MaxBid: 5),
        new OptimizerBounds(Budget: 10, MinTeams: 0, MaxTeams: 2, MinBid: 0, MaxBid: 5),
        new OptimizerBounds(Budget: 10, MinTeams: 0, MaxTeams: 2, MinBid: 4, MaxBid: 3),
        new OptimizerBounds(Budget: 10, MinTeams: -1, MaxTeams: 2, MinBid: 1, MaxBid: 5),
        new OptimizerBounds(Budget: 10, MinTeams: 2, MaxTeams: 1, MinBid: 1, MaxBid: 5),
    };

    [Theory]
    [MemberData(nameof(InconsistentBounds))]
    public void Inconsistent_bounds_are_rejected(OptimizerBounds bounds)
    {
        Assert.Throws<ArgumentException>(() => DpOptimizer.Optimize(TwoTeams, bounds));
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(10.0, -0.5)]
    [InlineData(10.0, double.NaN)]
    [InlineData(10.0, double.PositiveInfinity)]
    public void Negative_or_non_finite_points_are_rejected(double expected, double market)
    {
        OptimizerTeam[] teams = [new("a", 10, 1), new("b", expected, market)];
        Assert.Throws<ArgumentException>(() => DpOptimizer.Optimize(teams, Bounds(2, 10)));
    }

    [Fact]
    public void Duplicate_team_ids_are_rejected()
    {
        OptimizerTeam[] teams = [new("a", 10, 1), new("b", 5, 1), new("a", 3, 1)];
        var error = Assert.Throws<ArgumentException>(() => DpOptimizer.Optimize(teams, Bounds(3, 10)));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Missing_inputs_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => DpOptimizer.Optimize(null!, Bounds(0, 10)));
        Assert.Throws<ArgumentNullException>(() => DpOptimizer.Optimize(TwoTeams, null!));
        Assert.Throws<ArgumentException>(() => DpOptimizer.Optimize([new OptimizerTeam(null!, 1, 1)], Bounds(1, 10)));
    }

    [Fact]
    public void Bounds_are_validated_even_without_teams()
    {
        Assert.Throws<ArgumentException>(() => DpOptimizer.Optimize([], new OptimizerBounds(10, 0, 0, 0, 5)));
    }
}
