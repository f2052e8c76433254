namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// A deliberately naive restatement of the standings and payouts rules (docs/architecture.md, domain rules: game), independent of the product:
/// sort everyone by points descending (then entry index = entry-key order), cut tie groups where two
/// consecutive rows are at least 1e-4 apart, pool the payouts of the positions a group covers and split
/// them in integer cents, remainder cents one each to the group's first entries by key.
/// </summary>
internal static class ReferenceStandings
{
    public const double Tolerance = 1e-4;

    /// <summary>Position, payout and tie flag of every entry, indexed by entry.</summary>
    public static Standing[] Resolve(IReadOnlyList<double> points, IReadOnlyList<long> payoutCents)
    {
        var order = Enumerable.Range(0, points.Count).OrderByDescending(e => points[e]).ThenBy(e => e).ToArray();
        var result = new Standing[points.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && points[order[end - 1]] - points[order[end]] < Tolerance)
            {
                end++;
            }

            var size = end - start;
            var position = start + 1;
            long pooled = 0;
            for (var p = position; p < position + size; p++)
            {
                pooled += p <= payoutCents.Count ? payoutCents[p - 1] : 0;
            }

            var members = order[start..end].Order().ToArray();
            for (var i = 0; i < size; i++)
            {
                var payout = (pooled / size) + (i < pooled % size ? 1 : 0);
                result[members[i]] = new Standing(position, payout, size > 1);
            }

            start = end;
        }

        return result;
    }
}

internal readonly record struct Standing(int Position, long Payout, bool Tied);
