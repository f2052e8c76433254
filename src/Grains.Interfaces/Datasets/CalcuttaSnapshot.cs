namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>An imported real pool (id <c>calcutta-YYYY</c>) with the content digest of its canonical form.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CalcuttaSnapshot")]
public sealed record CalcuttaSnapshot(
    [property: Id(0)] string CalcuttaId,
    [property: Id(1)] string TournamentId,
    [property: Id(2)] int Year,
    [property: Id(3)] string Name,
    [property: Id(4)] PoolRules Rules,
    [property: Id(5)] IReadOnlyList<ScoringRule> ScoringRules,
    [property: Id(6)] IReadOnlyList<Payout> Payouts,
    [property: Id(7)] IReadOnlyList<PoolEntry> Entries,
    [property: Id(8)] string Digest);
