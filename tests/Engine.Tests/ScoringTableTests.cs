using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests;

public sealed class ScoringTableTests
{
    [Fact]
    public void House_rules_are_cumulative_by_progress()
    {
        var table = ScoringTable.From(RoundPoints.HouseRules);

        Assert.Equal([0L, 0, 50, 150, 300, 500, 750, 1050], table.PointsByProgress.ToArray());
        Assert.Equal(6000, table.FieldTotal);
        Assert.Equal(table.PointsByProgress.ToArray(), ScoringTable.HouseRules.PointsByProgress.ToArray());
    }

    [Fact]
    public void Rule_order_does_not_matter()
    {
        var shuffled = RoundPoints.HouseRules.Reverse().ToList();
        Assert.Equal(ScoringTable.HouseRules.PointsByProgress.ToArray(), ScoringTable.From(shuffled).PointsByProgress.ToArray());
    }

    public static TheoryData<RoundPoints[], string> InvalidRules() => new()
    {
        { [], "missing 1, 2, 3, 4, 5, 6, 7" },
        { [.. RoundPoints.HouseRules.Take(6)], "missing 7" },
        { [.. RoundPoints.HouseRules, new RoundPoints(7, 10)], "win index 7 appears more than once" },
        { [.. RoundPoints.HouseRules, new RoundPoints(8, 10)], "win index 8 is outside 1..7" },
        { [new RoundPoints(0, 0), .. RoundPoints.HouseRules.Skip(1)], "win index 0 is outside 1..7" },
        { [.. RoundPoints.HouseRules.Take(6), new RoundPoints(7, -1)], "points must be >= 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Invalid_rule_sets_are_rejected(RoundPoints[] rules, string reason)
    {
        var direct = Assert.Throws<ArgumentException>(() => ScoringTable.From(rules));
        Assert.Contains(reason, direct.Message);

        var compute = Assert.Throws<ArgumentException>(() => AdvancementCalculator.Compute(
            RealData.Tournament(2025), 10, StartingState.PreTournament, rules));
        Assert.Contains(reason, compute.Message);
    }

    [Fact]
    public void Other_rules_scale_expected_points()
    {
        // One point per win index: expected points = Σ_r P(progress ≥ r), and the field total is 127.
        var flat = Enumerable.Range(1, 7).Select(i => new RoundPoints(i, 1)).ToList();
        var result = AdvancementCalculator.Compute(RealData.Tournament(2022), 10, StartingState.PreTournament, flat);

        Assert.Equal(127, ScoringTable.From(flat).FieldTotal);
        Assert.Equal(127.0, result.Teams.Sum(t => t.ExpectedPoints), 1e-9);
        Assert.All(result.Teams, t => Assert.Equal(t.ReachProbabilities.Sum(), t.ExpectedPoints, 1e-12));
    }
}
