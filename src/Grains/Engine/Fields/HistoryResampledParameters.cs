namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// The fitted parameters of <c>history_resampled</c>: every real entry of the pools it was fitted on, its teams replaced
/// by their places in their seed lines, so the artifact no longer depends on which schools played that year.
/// <see cref="FittedOnPoolIds"/> is its lineage and never holds <see cref="TargetPoolId"/>.
/// </summary>
/// <param name="Entries">By pool id ordinal, then entry key ordinal.</param>
public sealed record HistoryResampledParameters(
    string ModelVersion,
    string TargetPoolId,
    string TargetTournamentId,
    IReadOnlyList<string> FittedOnPoolIds,
    IReadOnlyList<HistoryEntry> Entries);

/// <summary>One past entry: the budget it bid under and its bids by seed-line place.</summary>
public sealed record HistoryEntry(string SourcePoolId, string SourceEntryKey, int Budget, IReadOnlyList<SeedLineBid> Bids);

/// <summary>A bid on the team at <paramref name="RankInLine"/> (0 = best rated) of a seed line of <paramref name="LineSize"/> teams.</summary>
public sealed record SeedLineBid(int Seed, int RankInLine, int LineSize, int BidPoints);
