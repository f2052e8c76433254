using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests;

/// <summary>Properties that hold for every real year and starting state, golden file or not.</summary>
public sealed class AdvancementInvariantTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<int, string> YearsAndStates()
    {
        var data = new TheoryData<int, string>();
        string[] states = ["pre_tournament", "post_first_four", .. Enumerable.Range(1, 7).Select(n => $"through_round:{n}")];
        foreach (var year in RealData.TournamentYears)
        {
            foreach (var state in states)
            {
                data.Add(year, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(YearsAndStates))]
    public void Champion_probabilities_sum_to_one_and_points_to_the_field_total(int year, string state)
    {
        var result = Compute(year, StartingState.Parse(state));

        Assert.Equal(1.0, result.Teams.Sum(t => t.ChampionProbability), Tolerance);
        Assert.Equal(6000.0, result.Teams.Sum(t => t.ExpectedPoints), Tolerance);

        // Each round r is won by 64 / 2^(r−1) teams in expectation (64 at the bye/First Four level).
        for (var r = 0; r < 7; r++)
        {
            Assert.Equal(64.0 / (1 << r), result.Teams.Sum(t => t.ReachProbabilities[r]), Tolerance);
        }

        foreach (var team in result.Teams)
        {
            for (var r = 0; r < 7; r++)
            {
                Assert.InRange(team.ReachProbabilities[r], 0.0, 1.0);
                Assert.True(r == 0 || team.ReachProbabilities[r] <= team.ReachProbabilities[r - 1] + 1e-15);
            }
        }
    }

    [Theory]
    [MemberData(nameof(YearsAndStates))]
    public void Locked_rounds_equal_the_real_results(int year, string state)
    {
        var locked = StartingState.Parse(state).LockedThroughRound;
        var result = Compute(year, StartingState.Parse(state));
        var real = RealData.Tournament(year).Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);

        foreach (var team in result.Teams)
        {
            var progress = real[team.TeamId].Progress;
            for (var r = 1; r <= locked; r++)
            {
                Assert.Equal(progress >= r ? 1.0 : 0.0, team.ReachProbabilities[r - 1]);
            }

            // Knocked out inside the locked rounds: nothing left to win.
            if (progress < locked)
            {
                Assert.All(team.ReachProbabilities.Skip(locked), p => Assert.Equal(0.0, p));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RealData.AllYears), MemberType = typeof(RealData))]
    public void Through_round_7_is_the_real_outcome(int year)
    {
        var result = Compute(year, StartingState.ThroughRound(7));
        var real = RealData.Tournament(year).Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        var scoring = ScoringTable.HouseRules;

        foreach (var team in result.Teams)
        {
            var progress = real[team.TeamId].Progress;
            for (var r = 1; r <= 7; r++)
            {
                Assert.Equal(progress >= r ? 1.0 : 0.0, team.ReachProbabilities[r - 1]);
            }

            Assert.Equal(scoring.PointsFor(progress), team.ExpectedPoints);
        }
    }

    [Theory]
    [MemberData(nameof(RealData.AllYears), MemberType = typeof(RealData))]
    public void Post_first_four_locks_only_the_play_ins(int year)
    {
        var tournament = RealData.Tournament(year);
        var result = Compute(year, StartingState.PostFirstFour);
        var real = tournament.Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);

        foreach (var team in result.Teams)
        {
            var source = real[team.TeamId];
            if (source.IsFirstFour && source.Progress == 0)
            {
                Assert.All(team.ReachProbabilities, p => Assert.Equal(0.0, p));
                Assert.Equal(0.0, team.ExpectedPoints);
            }
            else
            {
                Assert.Equal(1.0, team.ReachProbabilities[0]);
                Assert.True(team.ReachProbabilities[1] is > 0.0 and < 1.0);
            }
        }

        Assert.Equal(4, result.Teams.Count(t => t.ReachProbabilities[0] == 0.0));

        // Same locks as through_round:1, only the spelling differs.
        var throughOne = Compute(year, StartingState.ThroughRound(1));
        Assert.Equal(
            throughOne.Teams.SelectMany(t => t.ReachProbabilities),
            result.Teams.SelectMany(t => t.ReachProbabilities));
    }

    [Fact]
    public void Non_first_four_teams_have_their_bye_before_the_tournament()
    {
        var tournament = RealData.Tournament(2023);
        var result = Compute(2023, StartingState.PreTournament);
        var firstFour = tournament.Teams.Where(t => t.IsFirstFour).Select(t => t.TeamId).ToHashSet();

        Assert.Equal(8, firstFour.Count);
        foreach (var team in result.Teams)
        {
            if (firstFour.Contains(team.TeamId))
            {
                Assert.True(team.ReachProbabilities[0] is > 0.0 and < 1.0);
            }
            else
            {
                Assert.Equal(1.0, team.ReachProbabilities[0]);
            }
        }
    }

    [Fact]
    public void Computing_a_tournament_takes_well_under_ten_milliseconds()
    {
        var tournament = RealData.Tournament(2025);
        Compute(2025, StartingState.PreTournament); // JIT warm-up

        const int runs = 100;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            AdvancementCalculator.Compute(tournament, 10, StartingState.PreTournament, RoundPoints.HouseRules);
        }

        Assert.True(watch.Elapsed.TotalMilliseconds / runs < 10, $"average {watch.Elapsed.TotalMilliseconds / runs:F3} ms");
    }

    private static AdvancementResult Compute(int year, StartingState state) =>
        AdvancementCalculator.Compute(RealData.Tournament(year), 10, state, RoundPoints.HouseRules);
}
