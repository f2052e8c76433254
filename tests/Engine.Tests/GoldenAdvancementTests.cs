using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests;

/// <summary>The exact model against the source system's analytic predictions (σ = 10, pre-tournament, house rules).</summary>
public sealed class GoldenAdvancementTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [MemberData(nameof(RealData.GoldenYears), MemberType = typeof(RealData))]
    public void Every_team_matches_the_golden_file(int year)
    {
        var golden = RealData.Golden(year);
        Assert.Equal(10.0, golden.Sigma);
        Assert.Equal(0, golden.ThroughRound);

        var result = AdvancementCalculator.Compute(
            RealData.Tournament(year), 10, StartingState.PreTournament, RoundPoints.HouseRules);

        Assert.Equal(golden.Teams.Count, result.Teams.Count);
        var byId = result.Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        foreach (var expected in golden.Teams)
        {
            var actual = byId[expected.SchoolSlug];
            Assert.Equal(expected.Seed, actual.Seed);
            Assert.Equal(expected.Region, actual.Region);
            Assert.Equal(7, actual.ReachProbabilities.Length);
            for (var r = 0; r < 7; r++)
            {
                AssertClose(expected.PRound1To7[r], actual.ReachProbabilities[r], $"{year} {expected.SchoolSlug} round {r + 1}");
            }

            AssertClose(expected.ExpectedPointsRealRules, actual.ExpectedPoints, $"{year} {expected.SchoolSlug} expected points");
        }
    }

    [Fact]
    public void Duke_2025_spot_check()
    {
        var golden = RealData.Golden(2025).Teams.Single(t => t.SchoolSlug == "duke");
        var duke = AdvancementCalculator
            .Compute(RealData.Tournament(2025), 10, StartingState.PreTournament, RoundPoints.HouseRules)
            .Teams.Single(t => t.TeamId == "duke");

        // The literal values guard against a silently edited golden file.
        Assert.Equal(0.229992, golden.PRound1To7[6], 6);
        Assert.Equal(498.8656, golden.ExpectedPointsRealRules, 4);
        AssertClose(golden.PRound1To7[6], duke.ChampionProbability, "duke P(champion)");
        AssertClose(golden.ExpectedPointsRealRules, duke.ExpectedPoints, "duke expected points");
    }

    [Fact]
    public void Result_is_ordered_by_team_id_and_carries_its_inputs()
    {
        var tournament = RealData.Tournament(2024);
        var result = AdvancementCalculator.Compute(tournament, 7.5, StartingState.ThroughRound(3), RoundPoints.HouseRules);

        Assert.Equal(tournament.Teams.Select(t => t.TeamId).Order(StringComparer.Ordinal), result.Teams.Select(t => t.TeamId));
        Assert.Equal(tournament.TournamentId, result.TournamentId);
        Assert.Equal(7.5, result.Sigma);
        Assert.Equal(StartingState.ThroughRound(3), result.StartingState);
        Assert.Equal("advancement-exact-v1", result.EngineVersion);
        Assert.Equal(AdvancementCalculator.EngineVersion, result.EngineVersion);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:R}, got {actual:R}.");
}
