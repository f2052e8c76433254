using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>An entry's real result: its points from the teams it owned shares of, its finishing position and payout.</summary>
public sealed record StandingRow(string EntryKey, int Position, bool Tied, double Points, long PayoutCents, bool IsLabExcluded);

/// <summary>
/// The pool's real final standings, in hindsight: the tournament's real results scored the way the simulation
/// scores one simulated tournament (docs/architecture.md, domain rules: game). A team earns the scoring rules'
/// points for every level its real progress reached; each entry gets its bid's share of the team's points.
/// Entries rank by points (ties within <see cref="TieTolerance"/> share a position, ties listed by entry key); a tie
/// group pools the payouts of the positions it covers and splits them evenly in cents, remainder cents one each to
/// the group's first rows by entry key.
/// </summary>
public static class RealStandings
{
    public const double TieTolerance = 1e-4;

    /// <summary>True when the data holds the whole real result: exactly one team reached the title.</summary>
    public static bool IsComplete(TournamentSnapshot tournament) => tournament.Teams.Count(t => t.Progress >= 7) == 1;

    public static IReadOnlyList<StandingRow> Compute(CalcuttaSnapshot pool, TournamentSnapshot tournament)
    {
        var progress = tournament.Teams.ToDictionary(t => t.TeamId, t => t.Progress, StringComparer.Ordinal);
        var teamBids = pool.Entries.SelectMany(e => e.Bids).GroupBy(b => b.TeamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Sum(b => b.BidPoints), StringComparer.Ordinal);
        double TeamPoints(string teamId) =>
            pool.ScoringRules.Where(r => r.WinIndex <= progress.GetValueOrDefault(teamId)).Sum(r => (double)r.PointsAwarded);

        var scored = pool.Entries
            .OrderBy(e => e.EntryKey, StringComparer.Ordinal)
            .Select(e => (Entry: e, Points: e.Bids.Where(b => b.BidPoints > 0).Sum(b => b.BidPoints / teamBids[b.TeamId] * TeamPoints(b.TeamId))))
            .ToList();

        // Stable sort by points descending keeps entry-key order inside equal scores.
        var ranked = scored.OrderByDescending(s => s.Points).ToList();
        var payouts = pool.Payouts.ToDictionary(p => p.Position, p => p.AmountCents);
        var rows = new List<StandingRow>(ranked.Count);
        var start = 0;
        while (start < ranked.Count)
        {
            var end = start + 1;
            while (end < ranked.Count && ranked[end - 1].Points - ranked[end].Points < TieTolerance)
            {
                end++;
            }

            var size = end - start;
            var pooled = Enumerable.Range(start + 1, size).Sum(position => payouts.GetValueOrDefault(position));
            var share = pooled / size;
            var remainder = pooled % size;
            for (var i = start; i < end; i++)
            {
                var (entry, points) = ranked[i];
                rows.Add(new StandingRow(entry.EntryKey, start + 1, size > 1, points, share + (i - start < remainder ? 1 : 0), entry.IsLabExcluded));
            }

            start = end;
        }

        return rows;
    }
}
