using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Engine.Tests;

/// <summary>Broken tournaments fail with an <see cref="InvalidDataException"/> that says what is wrong.</summary>
public sealed class InvalidBracketTests
{
    private static BracketTournament Real => RealData.Tournament(2025);

    private static BracketTournament WithTeams(Func<List<BracketTeam>, IEnumerable<BracketTeam>> edit) =>
        Real with { Teams = edit([.. Real.Teams]).ToList() };

    private static BracketTournament WithTeam(string teamId, Func<BracketTeam, BracketTeam> edit) =>
        WithTeams(teams => teams.Select(t => t.TeamId == teamId ? edit(t) : t));

    public static TheoryData<string, string> Cases() => new()
    {
        { "removed", "needs 68 teams, found 67" },
        { "duplicate", "team id 'duke' appears twice" },
        { "seed17", "has seed 17, not 1..16" },
        { "unknownRegion", "is in unknown region 'North'" },
        { "threeRegions", "needs 4 distinct regions" },
        { "finalFour", "must name each region" },
        { "unmarkedPair", "both must be marked First Four" },
        { "loneFirstFour", "is marked First Four but has no opponent" },
        { "emptySlot", "has no team" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_brackets_are_rejected(string @case, string reason)
    {
        var tournament = @case switch
        {
            "removed" => WithTeams(ts => ts.Where(t => t.TeamId != "duke")),
            "duplicate" => WithTeams(ts => ts.Select(t => t.TeamId == "houston" ? t with { TeamId = "duke" } : t)),
            "seed17" => WithTeam("duke", t => t with { Seed = 17 }),
            "unknownRegion" => WithTeam("duke", t => t with { Region = "North" }),
            "threeRegions" => Real with { Regions = [.. Real.Regions.Take(3)] },
            "finalFour" => Real with { FinalFour = Real.FinalFour with { TopLeft = Real.FinalFour.BottomLeft } },
            "unmarkedPair" => WithTeam("american", t => t with { IsFirstFour = false }),
            // Alone in its slot yet marked as a play-in team.
            "loneFirstFour" => WithTeam("duke", t => t with { IsFirstFour = true }),
            "emptySlot" => WithTeam("duke", t => t with { Seed = 2 }),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var error = Assert.Throws<InvalidDataException>(() => BracketCompiler.Compile(tournament));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("ncaa-2025", error.Message);
        Assert.Throws<InvalidDataException>(() =>
            AdvancementCalculator.Compute(tournament, 10, StartingState.PreTournament, RoundPoints.HouseRules));
    }

    [Fact]
    public void Inconsistent_results_fail_only_when_their_round_is_locked()
    {
        // florida won it all in 2025; a second 7-progress team makes the championship have two winners.
        var runnerUp = Real.Teams.Single(t => t.Progress == 6).TeamId;
        var tournament = WithTeam(runnerUp, t => t with { Progress = 7 });

        var result = AdvancementCalculator.Compute(tournament, 10, StartingState.ThroughRound(6), RoundPoints.HouseRules);
        Assert.Equal(1.0, result.Teams.Sum(t => t.ChampionProbability), 1e-9);

        var error = Assert.Throws<InvalidDataException>(() =>
            AdvancementCalculator.Compute(tournament, 10, StartingState.ThroughRound(7), RoundPoints.HouseRules));
        Assert.Contains("has two winners", error.Message);
    }

    [Fact]
    public void A_game_without_a_winner_is_reported()
    {
        var tournament = WithTeam("duke", t => t with { Progress = 1 });

        var error = Assert.Throws<InvalidDataException>(() =>
            AdvancementCalculator.Compute(tournament, 10, StartingState.ThroughRound(2), RoundPoints.HouseRules));
        Assert.Contains("has no winner", error.Message);
        Assert.Contains("duke", error.Message);
    }
}
