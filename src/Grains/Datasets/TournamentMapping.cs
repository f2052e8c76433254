using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

/// <summary>
/// The tournament contract as the engine's plain input: the only place a <see cref="TournamentSnapshot"/>
/// becomes a <see cref="BracketTournament"/>, so the engine stays free of grain types.
/// </summary>
public static class TournamentMapping
{
    /// <remarks>
    /// Missing parts stay missing (null): the bracket compiler reports them by name, as it did when it read the
    /// contract itself.
    /// </remarks>
    public static BracketTournament ToBracketTournament(this TournamentSnapshot tournament)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        return new BracketTournament(
            tournament.TournamentId,
            tournament.Regions,
            tournament.FinalFour?.ToFinalFourRegions()!,
            tournament.Teams?.Select(ToBracketTeam).ToList()!);
    }

    public static BracketTeam ToBracketTeam(this TournamentTeam team) =>
        new(team.TeamId, team.Seed, team.Region, team.IsFirstFour, team.Byes, team.Progress, team.KenPomNet);

    public static FinalFourRegions ToFinalFourRegions(this FinalFourPairing pairing) =>
        new(pairing.TopLeft, pairing.BottomLeft, pairing.TopRight, pairing.BottomRight);
}
