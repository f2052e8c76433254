using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Silo.Calibration;

/// <summary>
/// What a field of entries looks like, in the terms the calibration compares: teams per entry (mean), the entry's
/// largest bid (mean, in points), the concentration of the field's team totals (HHI = Σ share², 1/HHI is the
/// "effective number of teams" the field's money sits on), and the share of all points bid on each seed group.
/// </summary>
public sealed record FieldShape(double TeamsPerEntry, double LargestBid, double Hhi, IReadOnlyList<double> SeedGroupShares)
{
    /// <summary>
    /// Seed groups of four lines. Per-seed columns (16) would make the table unreadable and each is noisy in one year;
    /// the groups still separate what matters: money on the favourites (1–4) against the long shots (13–16).
    /// </summary>
    public static readonly IReadOnlyList<(int From, int To)> SeedGroups = [(1, 4), (5, 8), (9, 12), (13, 16)];

    public static FieldShape Of(IReadOnlyList<PoolEntrant> field, IReadOnlyDictionary<string, int> seedOf)
    {
        var teamTotals = new Dictionary<string, long>(StringComparer.Ordinal);
        var groups = new long[SeedGroups.Count];
        long total = 0;
        foreach (var bid in field.SelectMany(e => e.Bids).Where(b => b.BidPoints > 0))
        {
            teamTotals[bid.TeamId] = teamTotals.GetValueOrDefault(bid.TeamId) + bid.BidPoints;
            var seed = seedOf[bid.TeamId];
            groups[SeedGroups.Select((g, i) => (g, i)).Single(x => seed >= x.g.From && seed <= x.g.To).i] += bid.BidPoints;
            total += bid.BidPoints;
        }

        // Team totals in ordinal team order, so the floating sum does not depend on dictionary order.
        var hhi = teamTotals.OrderBy(t => t.Key, StringComparer.Ordinal).Sum(t => (double)t.Value / total * ((double)t.Value / total));
        return new FieldShape(
            field.Average(e => e.Bids.Count(b => b.BidPoints > 0)),
            field.Average(e => e.Bids.Select(b => b.BidPoints).DefaultIfEmpty(0).Max()),
            hhi,
            [.. groups.Select(g => (double)g / total)]);
    }

    /// <summary>The mean shape of many fields (each statistic averaged over the fields, in the given order).</summary>
    public static FieldShape Mean(IReadOnlyList<FieldShape> shapes) => new(
        shapes.Average(s => s.TeamsPerEntry),
        shapes.Average(s => s.LargestBid),
        shapes.Average(s => s.Hhi),
        [.. SeedGroups.Select((_, g) => shapes.Average(s => s.SeedGroupShares[g]))]);
}
