using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>Games locked by the starting state are played to their real result in every simulation.</summary>
public sealed class LockedGamesTests
{
    private const int Simulations = 5_000;

    public static TheoryData<int, string> YearsAndStates()
    {
        var data = new TheoryData<int, string>();
        foreach (var year in SimulationData.PoolYears)
        {
            foreach (var state in new[] { "post_first_four", "through_round:3", "through_round:6" })
            {
                data.Add(year, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(YearsAndStates))]
    public void Locked_results_never_vary(int year, string stateText) => AssertLockedResults(year, stateText);

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void The_final_outcome_never_varies(int year) => AssertLockedResults(year, "through_round:7");

    private static void AssertLockedResults(int year, string stateText)
    {
        var state = StartingState.Parse(stateText);
        var locked = state.LockedThroughRound;
        var kernel = SimulationData.Kernel(year, state);
        var teams = kernel.Tournament.Bracket.Teams;
        var counts = new long[teams.Length * SimulationAccumulator.ProgressLevels];
        var failures = new List<string>();
        var seen = new HashSet<int>[teams.Length];
        for (var t = 0; t < teams.Length; t++)
        {
            seen[t] = [];
        }

        for (var i = 0; i < Simulations; i++)
        {
            kernel.RunTournaments(77, i, 1, counts);
            var progress = kernel.LastProgress;
            for (var t = 0; t < teams.Length; t++)
            {
                // A team that lost a locked game (real progress p, lost in round p + 1 ≤ locked) ends at exactly p;
                // every other team has won at least its locked games.
                var real = teams[t].Progress;
                var ok = real < locked ? progress[t] == real : progress[t] >= locked;
                if (!ok && failures.Count < 20)
                {
                    failures.Add($"{year} {stateText} simulation {i}: {teams[t].TeamId} (real progress {real}) ended at {progress[t]}.");
                }

                seen[t].Add(progress[t]);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The counts agree: a team eliminated in a locked round has one nonzero bucket, its real progress.
        for (var t = 0; t < teams.Length; t++)
        {
            if (teams[t].Progress < locked || locked == 7)
            {
                Assert.Equal(Simulations, counts[(t * 8) + teams[t].Progress]);
                Assert.Equal([teams[t].Progress], seen[t]);
            }
        }

        // The open games really are open: each of the 2^(7 − locked) survivors ends at more than one level.
        var survivors = Enumerable.Range(0, teams.Length).Where(t => teams[t].Progress >= locked).ToList();
        Assert.Equal(1 << (7 - locked), survivors.Count);
        if (locked < 7)
        {
            Assert.All(survivors, t => Assert.True(seen[t].Count > 1, $"{teams[t].TeamId} never varied."));
        }
    }

    [Fact]
    public void A_game_sees_the_same_number_whether_or_not_earlier_games_are_locked()
    {
        // Simulation i of a pre-tournament run whose First Four went as in reality is simulation i of post_first_four.
        var pre = SimulationData.Kernel(2025, StartingState.PreTournament);
        var post = SimulationData.Kernel(2025, StartingState.PostFirstFour);
        var teams = pre.Tournament.Bracket.Teams;
        var counts = new long[teams.Length * SimulationAccumulator.ProgressLevels];
        var firstFour = Enumerable.Range(0, teams.Length).Where(t => teams[t].IsFirstFour).ToArray();
        Assert.Equal(8, firstFour.Length);

        var matched = 0;
        for (var i = 0; i < Simulations; i++)
        {
            pre.RunTournaments(2025, i, 1, counts);
            if (!firstFour.All(t => pre.LastProgress[t] >= 1 == teams[t].Progress >= 1))
            {
                continue;
            }

            matched++;
            post.RunTournaments(2025, i, 1, counts);
            Assert.Equal(pre.LastProgress.ToArray(), post.LastProgress.ToArray());
        }

        // Enough simulations had all four play-ins go the real way for the comparison to mean something.
        Assert.InRange(matched, 50, Simulations / 2);
    }
}
