using System.Collections.Immutable;

namespace LabSandbox.Grains.Engine.Bracket;

/// <summary>
/// A tournament's 67 games as flat arrays in dependency order, built by <see cref="BracketCompiler"/>.
/// </summary>
/// <remarks>
/// Teams are indexed 0..67 by <see cref="BracketTeam.TeamId"/> in ordinal order. Game inputs are
/// <em>slots</em>: slot <c>s &lt; TeamCount</c> is team <c>s</c> itself, slot <c>TeamCount + g</c> is the
/// winner of game <c>g</c>. A kernel can therefore keep one occupant array of <see cref="SlotCount"/>
/// entries and fill <c>occupant[TeamCount + g]</c> game by game, since every game's inputs are earlier
/// slots. Games are ordered: First Four (by region ordinal, then seed), then each later round by
/// region ordinal and bracket position, the two semifinals (top-left pair first), the championship.
/// </remarks>
public sealed class CompiledBracket
{
    public const int TeamCount = 68;
    public const int GameCount = 67;
    public const int RoundCount = 7;
    public const int SlotCount = TeamCount + GameCount;

    internal CompiledBracket(
        string tournamentId,
        ImmutableArray<BracketTeam> teams,
        ImmutableArray<string> regions,
        ImmutableArray<int> gameRound,
        ImmutableArray<int> leftSlot,
        ImmutableArray<int> rightSlot,
        ImmutableArray<int> teamFirstGame)
    {
        TournamentId = tournamentId;
        Teams = teams;
        TeamIds = teams.Select(t => t.TeamId).ToImmutableArray();
        Regions = regions;
        GameRound = gameRound;
        LeftSlot = leftSlot;
        RightSlot = rightSlot;
        TeamFirstGame = teamFirstGame;

        var offsets = new int[RoundCount + 1];
        for (var g = 0; g < GameCount; g++)
        {
            offsets[gameRound[g]]++;
        }

        for (var r = 1; r <= RoundCount; r++)
        {
            offsets[r] += offsets[r - 1];
        }

        RoundOffsets = offsets.ToImmutableArray();
    }

    public string TournamentId { get; }

    /// <summary>The teams in index order (TeamId ordinal).</summary>
    public ImmutableArray<BracketTeam> Teams { get; }

    public ImmutableArray<string> TeamIds { get; }

    /// <summary>The four region names in ordinal order.</summary>
    public ImmutableArray<string> Regions { get; }

    /// <summary>Round (1..7) of each game.</summary>
    public ImmutableArray<int> GameRound { get; }

    /// <summary>First input slot of each game (a team or an earlier game's winner).</summary>
    public ImmutableArray<int> LeftSlot { get; }

    /// <summary>Second input slot of each game.</summary>
    public ImmutableArray<int> RightSlot { get; }

    /// <summary>The game each team plays first (a First Four game, else its round-of-64 game).</summary>
    public ImmutableArray<int> TeamFirstGame { get; }

    /// <summary>Games of round r are the index range [RoundOffsets[r − 1], RoundOffsets[r]).</summary>
    public ImmutableArray<int> RoundOffsets { get; }

    /// <summary>The championship game (the last one).</summary>
    public static int ChampionshipGame => GameCount - 1;

    public static bool IsTeamSlot(int slot) => slot < TeamCount;

    public static int WinnerSlot(int game) => TeamCount + game;

    public static int GameOfSlot(int slot) => slot - TeamCount;

    /// <summary>The index of <paramref name="teamId"/>, or −1 when it is not in this tournament.</summary>
    public int IndexOf(string teamId)
    {
        var i = TeamIds.BinarySearch(teamId, StringComparer.Ordinal);
        return i >= 0 ? i : -1;
    }

    /// <summary>
    /// The real winner (team index) of every game of round ≤ <paramref name="throughRound"/>; −1 for the
    /// rest. Results come from team progress alone: in a round-r game the team with Progress ≥ r won.
    /// </summary>
    /// <exception cref="InvalidDataException">The recorded progress does not describe a valid bracket.</exception>
    public int[] LockedWinners(int throughRound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughRound);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughRound, RoundCount);

        var winners = new int[GameCount];
        Array.Fill(winners, -1);
        for (var g = 0; g < RoundOffsets[throughRound]; g++)
        {
            var a = RealOccupant(LeftSlot[g], winners);
            var b = RealOccupant(RightSlot[g], winners);
            winners[g] = RealWinner(g, a, b);
        }

        return winners;
    }

    // Games are in dependency order, so an input game below the current one is already decided.
    private static int RealOccupant(int slot, int[] winners) =>
        IsTeamSlot(slot) ? slot : winners[GameOfSlot(slot)];

    private int RealWinner(int game, int a, int b)
    {
        var round = GameRound[game];
        var teamA = Teams[a];
        var teamB = Teams[b];
        var aWon = teamA.Progress >= round;
        var bWon = teamB.Progress >= round;
        if (aWon == bWon)
        {
            throw new InvalidDataException(
                $"{TournamentId}: round-{round} game {teamA.TeamId} (progress {teamA.Progress}) v " +
                $"{teamB.TeamId} (progress {teamB.Progress}) has {(aWon ? "two winners" : "no winner")}.");
        }

        var loser = aWon ? teamB : teamA;
        if (loser.Progress != round - 1)
        {
            throw new InvalidDataException(
                $"{TournamentId}: {loser.TeamId} lost its round-{round} game but has progress {loser.Progress}, not {round - 1}.");
        }

        return aWon ? a : b;
    }
}
