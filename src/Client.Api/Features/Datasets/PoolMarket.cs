using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>
/// One team's market in a pool: the points bid on it by everyone, how many entries bid, and its share of all
/// points bid. Each owner's stake in the team is its bid over <see cref="TotalBidPoints"/>.
/// </summary>
/// <param name="PotCents">The team's share of the pot in cents: its share of all bids times the total payouts.</param>
public sealed record TeamMarketRow(
    string TeamId, string Name, int Seed, string Region, int TotalBidPoints, int Bidders, double ShareOfBids, double PotCents);

public static class PoolMarket
{
    /// <summary>Teams with at least one bid, most points first (ties by team id).</summary>
    public static IReadOnlyList<TeamMarketRow> TeamTotals(CalcuttaSnapshot pool, TournamentSnapshot? tournament)
    {
        var names = tournament?.Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal) ?? [];
        var allPoints = pool.Entries.Sum(e => e.Bids.Sum(b => (long)b.BidPoints));
        var potCents = pool.Payouts.Sum(p => p.AmountCents);
        return pool.Entries.SelectMany(e => e.Bids)
            .GroupBy(b => b.TeamId, StringComparer.Ordinal)
            .Select(g =>
            {
                var team = names.GetValueOrDefault(g.Key);
                var points = g.Sum(b => b.BidPoints);
                var share = allPoints == 0 ? 0 : (double)points / allPoints;
                return new TeamMarketRow(g.Key, team?.Name ?? g.Key, team?.Seed ?? 0, team?.Region ?? "", points, g.Count(), share, share * potCents);
            })
            .OrderByDescending(r => r.TotalBidPoints).ThenBy(r => r.TeamId, StringComparer.Ordinal)
            .ToList();
    }
}
