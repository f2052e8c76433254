using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Datasets;

public sealed record TournamentSummary(string TournamentId, int Year, string Name, int TeamCount, string Digest);

public sealed record TournamentResponse(
    string TournamentId, int Year, string Name, IReadOnlyList<string> Regions, FinalFourPairing FinalFour,
    IReadOnlyList<TournamentTeam> Teams, string Digest);

public sealed record CalcuttaSummary(string CalcuttaId, string TournamentId, int Year, string Name, int EntryCount, string Digest);

public sealed record CalcuttaResponse(
    string CalcuttaId, string TournamentId, int Year, string Name, PoolRules Rules, IReadOnlyList<ScoringRule> ScoringRules,
    IReadOnlyList<Payout> Payouts, IReadOnlyList<PoolEntry> Entries, string Digest);

public sealed record ListResponse<T>(IReadOnlyList<T> Items);
