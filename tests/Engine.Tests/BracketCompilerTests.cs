using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Engine.Tests;

public sealed class BracketCompilerTests
{
    [Theory]
    [MemberData(nameof(RealData.AllYears), MemberType = typeof(RealData))]
    public void Games_are_laid_out_round_by_round_in_dependency_order(int year)
    {
        var bracket = BracketCompiler.Compile(RealData.Tournament(year));

        Assert.Equal(67, bracket.GameRound.Length);
        int[] perRound = [.. Enumerable.Range(1, 7).Select(r => bracket.GameRound.Count(x => x == r))];
        Assert.Equal([4, 32, 16, 8, 4, 2, 1], perRound);
        Assert.Equal([0, 4, 36, 52, 60, 64, 66, 67], bracket.RoundOffsets.ToArray());
        Assert.True(bracket.GameRound.SequenceEqual(bracket.GameRound.Order()), "games must be round-major");

        var fedBy = new int[CompiledBracket.SlotCount];
        for (var g = 0; g < CompiledBracket.GameCount; g++)
        {
            foreach (var slot in new[] { bracket.LeftSlot[g], bracket.RightSlot[g] })
            {
                fedBy[slot]++;
                if (!CompiledBracket.IsTeamSlot(slot))
                {
                    var input = CompiledBracket.GameOfSlot(slot);
                    Assert.True(input < g, $"game {g} reads game {input}, which comes later");
                    Assert.Equal(bracket.GameRound[g] - 1, bracket.GameRound[input]);
                }
            }
        }

        // Every team and every game's winner feeds exactly one game, except the champion.
        Assert.All(fedBy.Take(CompiledBracket.SlotCount - 1), n => Assert.Equal(1, n));
        Assert.Equal(0, fedBy[CompiledBracket.WinnerSlot(CompiledBracket.ChampionshipGame)]);
    }

    [Theory]
    [MemberData(nameof(RealData.AllYears), MemberType = typeof(RealData))]
    public void Each_team_plays_exactly_one_first_game_in_the_right_round(int year)
    {
        var bracket = BracketCompiler.Compile(RealData.Tournament(year));

        Assert.Equal(bracket.TeamIds.Order(StringComparer.Ordinal), bracket.TeamIds);
        for (var t = 0; t < CompiledBracket.TeamCount; t++)
        {
            var games = Enumerable.Range(0, CompiledBracket.GameCount)
                .Where(g => bracket.LeftSlot[g] == t || bracket.RightSlot[g] == t)
                .ToList();
            Assert.Single(games);
            Assert.Equal(games[0], bracket.TeamFirstGame[t]);
            Assert.Equal(bracket.Teams[t].IsFirstFour ? 1 : 2, bracket.GameRound[games[0]]);
            Assert.Equal(t, bracket.IndexOf(bracket.TeamIds[t]));
        }

        Assert.Equal(-1, bracket.IndexOf("no-such-team"));
    }

    [Fact]
    public void Round_of_64_follows_the_bracket_order_by_region()
    {
        var bracket = BracketCompiler.Compile(RealData.Tournament(2025));
        int[] high = [1, 8, 5, 4, 6, 3, 7, 2];

        for (var i = 0; i < 32; i++)
        {
            var g = 4 + i;
            var region = bracket.Regions[i / 8];
            var (a, b) = (Occupants(bracket, bracket.LeftSlot[g]), Occupants(bracket, bracket.RightSlot[g]));
            Assert.All(a.Concat(b), t => Assert.Equal(region, bracket.Teams[t].Region));
            Assert.All(a, t => Assert.Equal(high[i % 8], bracket.Teams[t].Seed));
            Assert.All(b, t => Assert.Equal(17 - high[i % 8], bracket.Teams[t].Seed));
        }
    }

    [Fact]
    public void Semifinals_follow_the_final_four_pairing()
    {
        var tournament = RealData.Tournament(2025);
        var bracket = BracketCompiler.Compile(tournament);
        string RegionOf(int slot) => bracket.Teams[Occupants(bracket, slot)[0]].Region;

        Assert.Equal(tournament.FinalFour.TopLeft, RegionOf(bracket.LeftSlot[64]));
        Assert.Equal(tournament.FinalFour.BottomLeft, RegionOf(bracket.RightSlot[64]));
        Assert.Equal(tournament.FinalFour.TopRight, RegionOf(bracket.LeftSlot[65]));
        Assert.Equal(tournament.FinalFour.BottomRight, RegionOf(bracket.RightSlot[65]));
    }

    [Theory]
    [MemberData(nameof(RealData.AllYears), MemberType = typeof(RealData))]
    public void Locked_winners_replay_the_real_tournament(int year)
    {
        var bracket = BracketCompiler.Compile(RealData.Tournament(year));

        Assert.All(bracket.LockedWinners(0), w => Assert.Equal(-1, w));
        var all = bracket.LockedWinners(7);
        Assert.All(all, w => Assert.InRange(w, 0, 67));
        Assert.Equal(7, bracket.Teams[all[CompiledBracket.ChampionshipGame]].Progress);

        var two = bracket.LockedWinners(2);
        Assert.Equal(all.Take(36), two.Take(36));
        Assert.All(two.Skip(36), w => Assert.Equal(-1, w));
    }

    // Every team that can occupy a slot (a team slot, or the teams feeding a game).
    private static List<int> Occupants(CompiledBracket bracket, int slot)
    {
        if (CompiledBracket.IsTeamSlot(slot))
        {
            return [slot];
        }

        var game = CompiledBracket.GameOfSlot(slot);
        return [.. Occupants(bracket, bracket.LeftSlot[game]), .. Occupants(bracket, bracket.RightSlot[game])];
    }
}
