namespace LabSandbox.Grains.Engine.Bracket;

/// <summary>A tournament as the engine reads it: its regions, semifinal pairing and 68 teams, in any order.</summary>
/// <remarks><see cref="BracketCompiler"/> validates it; nothing here is checked on construction.</remarks>
public sealed record BracketTournament(
    string TournamentId,
    IReadOnlyList<string> Regions,
    FinalFourRegions FinalFour,
    IReadOnlyList<BracketTeam> Teams);
