namespace LabSandbox.Grains.Engine.Bracket;

/// <summary>One team of a tournament as the engine reads it: its seed slot, real result and rating.</summary>
/// <param name="TeamId">The team's stable id; teams are indexed by it in ordinal order.</param>
/// <param name="Byes">1 for a team that skips the First Four, else 0: its progress before any game.</param>
/// <param name="Progress">Wins + byes (0..7): the real final result, read only for locked rounds.</param>
/// <param name="KenPomNet">KenPom net rating; null when unknown (its games are then coin flips).</param>
public sealed record BracketTeam(
    string TeamId,
    int Seed,
    string Region,
    bool IsFirstFour,
    int Byes,
    int Progress,
    double? KenPomNet);
