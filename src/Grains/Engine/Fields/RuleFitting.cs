using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>One bid of a fitted entry: which input amount it came from (−1 for a bid added to reach MinTeams) and its points.</summary>
internal readonly record struct FittedBid(int Source, int Amount);

/// <summary>
/// Turns real-valued bid amounts (a profile scaled to this pool's budget, or a past entry's bids) into integer bids
/// that obey a pool's rules, changing as little as it can: amounts that already obey the rules come back unchanged.
/// </summary>
/// <remarks>
/// Steps, all deterministic: (1) the team count k is the input's count clamped to [MinTeams, cap], where cap is the
/// smallest of MaxTeams, the caller's cap and Budget / MinBid (more teams could not all get MinBid); the k largest
/// amounts are kept (ties: lower index) and missing ones are added at MinBid. (2) The entry's spend T is its input
/// total rounded half away from zero, clamped to what k bids can spend: [k·MinBid, min(Budget, k·MaxBid)]. Money of
/// dropped bids moves to the kept ones, because an entry that used its whole budget before should still use it.
/// (3) T is shared over the kept bids in proportion to their amounts, each floored and clamped to [MinBid, MaxBid], then
/// single points are added to (or taken from) the bid furthest below (above) its proportional target until the bids
/// sum to T. The last step is largest-remainder apportionment under bounds; T is reachable, so it ends.
/// </remarks>
internal static class RuleFitting
{
    public static FittedBid[] Fit(ReadOnlySpan<double> amounts, OptimizerBounds rules, int teamCap)
    {
        if (rules.Budget <= 0 || rules.MinBid < 1 || rules.MaxBid < rules.MinBid || rules.MinTeams < 1 || rules.MaxTeams < rules.MinTeams)
        {
            throw new ArgumentException($"Pool rules {rules} cannot hold an entry.", nameof(rules));
        }

        var cap = Math.Min(Math.Min(rules.MaxTeams, teamCap), rules.Budget / rules.MinBid);
        if (cap < rules.MinTeams)
        {
            throw new ArgumentException(
                $"An entry needs at least {rules.MinTeams} teams but at most {cap} fit (rules {rules}, cap {teamCap}).", nameof(teamCap));
        }

        var total = 0.0;
        for (var i = 0; i < amounts.Length; i++)
        {
            if (!double.IsFinite(amounts[i]) || amounts[i] < 0)
            {
                throw new ArgumentException($"Amount {i} is {amounts[i]}; amounts must be finite and ≥ 0.", nameof(amounts));
            }

            total += amounts[i];
        }

        var order = new int[amounts.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var values = amounts.ToArray();
        Array.Sort(order, (a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));

        var k = Math.Clamp(amounts.Length, rules.MinTeams, cap);
        var keptCount = Math.Min(k, amounts.Length);
        var padCount = k - keptCount;
        var spend = (long)Math.Round(total, MidpointRounding.AwayFromZero);
        spend = Math.Clamp(spend, (long)k * rules.MinBid, Math.Min(rules.Budget, (long)k * rules.MaxBid));

        var keptSum = 0.0;
        for (var j = 0; j < keptCount; j++)
        {
            keptSum += values[order[j]];
        }

        var shared = spend - ((long)padCount * rules.MinBid);
        var targets = new double[k];
        var bids = new FittedBid[k];
        for (var j = 0; j < k; j++)
        {
            var isPad = j >= keptCount;
            targets[j] = isPad ? rules.MinBid : keptSum > 0 ? values[order[j]] * shared / keptSum : (double)shared / keptCount;
            var amount = (int)Math.Clamp(Math.Floor(targets[j]), rules.MinBid, rules.MaxBid);
            bids[j] = new FittedBid(isPad ? -1 : order[j], amount);
        }

        long sum = bids.Sum(b => (long)b.Amount);
        while (sum != spend)
        {
            var up = sum < spend;
            var best = -1;
            var bestGap = double.NegativeInfinity;
            for (var j = 0; j < k; j++)
            {
                var movable = up ? bids[j].Amount < rules.MaxBid : bids[j].Amount > rules.MinBid;
                var gap = up ? targets[j] - bids[j].Amount : bids[j].Amount - targets[j];
                if (movable && gap > bestGap)
                {
                    best = j;
                    bestGap = gap;
                }
            }

            bids[best] = bids[best] with { Amount = bids[best].Amount + (up ? 1 : -1) };
            sum += up ? 1 : -1;
        }

        return bids;
    }
}
