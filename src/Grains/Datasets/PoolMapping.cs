using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

/// <summary>
/// The pool contracts (entries, bids, scoring rules, payouts) as the engine's plain inputs, one mapper per
/// contract type. Order is kept: the engine's results may depend on it.
/// </summary>
public static class PoolMapping
{
    public static IReadOnlyList<PoolEntrant> ToEntrants(this IEnumerable<PoolEntry> entries) =>
        [.. entries.Select(e => new PoolEntrant(e.EntryKey, e.Bids.ToEntrantBids()))];

    public static IReadOnlyList<EntrantBid> ToEntrantBids(this IEnumerable<EntryBid> bids) =>
        [.. bids.Select(b => new EntrantBid(b.TeamId, b.BidPoints))];

    /// <summary>The way back, for bids the engine proposed that contracts record.</summary>
    public static IReadOnlyList<EntryBid> ToEntryBids(this IEnumerable<EntrantBid> bids) =>
        [.. bids.Select(b => new EntryBid(b.TeamId, b.BidPoints))];

    /// <remarks>A null rule stays null, so the scoring table rejects it with its own message.</remarks>
    public static IReadOnlyList<RoundPoints> ToRoundPoints(this IEnumerable<ScoringRule> rules) =>
        [.. rules.Select(r => r is null ? null! : new RoundPoints(r.WinIndex, r.PointsAwarded))];

    public static IReadOnlyList<PositionPrize> ToPositionPrizes(this IEnumerable<Payout> payouts) =>
        [.. payouts.Select(p => new PositionPrize(p.Position, p.AmountCents))];

    /// <summary>A real pool's bids, for the market-share models.</summary>
    public static PoolBids ToPoolBids(this CalcuttaSnapshot pool) => new(pool.CalcuttaId, pool.Entries.ToEntrants());
}
