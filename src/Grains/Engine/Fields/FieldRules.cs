using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>Whether an entry obeys a pool's rules: the check every drawn opponent must pass.</summary>
public static class FieldRules
{
    /// <summary>Why <paramref name="entry"/> breaks the rules, or null when it obeys them.</summary>
    public static string? Violation(PoolEntrant entry, OptimizerBounds rules, IReadOnlySet<string> teamIds)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var count = entry.Bids.Count;
        if (count < rules.MinTeams || count > rules.MaxTeams)
        {
            return $"{entry.EntryKey} bids on {count} teams, outside [{rules.MinTeams}, {rules.MaxTeams}].";
        }

        if (entry.Bids.Select(b => b.TeamId).Distinct(StringComparer.Ordinal).Count() != count)
        {
            return $"{entry.EntryKey} bids twice on one team.";
        }

        foreach (var bid in entry.Bids)
        {
            if (!teamIds.Contains(bid.TeamId))
            {
                return $"{entry.EntryKey} bids on '{bid.TeamId}', not in the tournament.";
            }

            if (bid.BidPoints < rules.MinBid || bid.BidPoints > rules.MaxBid)
            {
                return $"{entry.EntryKey} bids {bid.BidPoints} on '{bid.TeamId}', outside [{rules.MinBid}, {rules.MaxBid}].";
            }
        }

        var spend = entry.Bids.Sum(b => (long)b.BidPoints);
        return spend > rules.Budget ? $"{entry.EntryKey} spends {spend} of a {rules.Budget} budget." : null;
    }
}
