namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>An imported tournament (id <c>ncaa-YYYY</c>) with the content digest of its canonical form.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.TournamentSnapshot")]
public sealed record TournamentSnapshot(
    [property: Id(0)] string TournamentId,
    [property: Id(1)] int Year,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Regions,
    [property: Id(4)] FinalFourPairing FinalFour,
    [property: Id(5)] IReadOnlyList<TournamentTeam> Teams,
    [property: Id(6)] string Digest);
