namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>One team of a tournament as imported: seed slot, real result and KenPom net rating.</summary>
/// <param name="TeamId">The school slug; stable across years and the API's <c>teamId</c>.</param>
/// <param name="Progress">Wins + byes (0..7): the real final result.</param>
/// <param name="KenPomNet">KenPom net rating; null when the source has none (win probability then 0.5).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.TournamentTeam")]
public sealed record TournamentTeam(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Seed,
    [property: Id(3)] string Region,
    [property: Id(4)] bool IsFirstFour,
    [property: Id(5)] int Byes,
    [property: Id(6)] int Wins,
    [property: Id(7)] int Progress,
    [property: Id(8)] bool IsEliminated,
    [property: Id(9)] double? KenPomNet);
