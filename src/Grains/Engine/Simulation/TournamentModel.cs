using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// A compiled bracket ready to sample: 32-bit win thresholds for every pair of teams, the games locked
/// by the starting state (a prefix of the game order, since games are ordered by round) and each
/// team's progress once those locked games are played.
/// </summary>
public sealed class TournamentModel
{
    private TournamentModel(
        CompiledBracket bracket, StartingState startingState, uint[] thresholds, int[] lockedWinners, byte[] startProgress, double[] reach)
    {
        ReachProbabilities = reach;
        Bracket = bracket;
        StartingState = startingState;
        Thresholds = thresholds;
        LockedWinners = lockedWinners;
        StartProgress = startProgress;
        FirstOpenGame = bracket.RoundOffsets[startingState.LockedThroughRound];
    }

    public CompiledBracket Bracket { get; }

    public StartingState StartingState { get; }

    /// <summary>
    /// <c>Thresholds[a * 68 + b]</c> = round(P(a beats b) · 2³²), capped at 2³² − 1: team a wins a game
    /// against b when the game's 32-bit draw is below it.
    /// </summary>
    internal uint[] Thresholds { get; }

    /// <summary>The real winner of each locked game (team index), −1 for open games.</summary>
    internal int[] LockedWinners { get; }

    /// <summary>Each team's progress before the first open game: byes plus locked wins.</summary>
    internal byte[] StartProgress { get; }

    /// <summary>Exact P(progress ≥ r) as <c>[team * 7 + r − 1]</c> (from the advancement model).</summary>
    internal double[] ReachProbabilities { get; }

    /// <summary>Games before this index are locked; simulation starts here.</summary>
    public int FirstOpenGame { get; }

    public static TournamentModel Create(CompiledBracket bracket, KenPomLogisticModel model, StartingState startingState)
    {
        var n = CompiledBracket.TeamCount;
        var thresholds = new uint[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var p = model.WinProbability(bracket.Teams[a].KenPomNet, bracket.Teams[b].KenPomNet);
                thresholds[(a * n) + b] = (uint)Math.Min(uint.MaxValue, Math.Round(p * 4294967296.0));
            }
        }

        var locked = bracket.LockedWinners(startingState.LockedThroughRound);
        var progress = new byte[n];
        for (var t = 0; t < n; t++)
        {
            progress[t] = (byte)bracket.Teams[t].Byes;
        }

        for (var g = 0; g < CompiledBracket.GameCount && locked[g] >= 0; g++)
        {
            progress[locked[g]] = (byte)bracket.GameRound[g];
        }

        return new TournamentModel(bracket, startingState, thresholds, locked, progress,
            AdvancementCalculator.ReachProbabilities(bracket, model, startingState));
    }
}
