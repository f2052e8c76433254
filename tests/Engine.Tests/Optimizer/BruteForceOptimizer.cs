using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Engine.Tests.Optimizer;

/// <summary>
/// The reference the DP is checked against: every bid vector, scored directly, with the tie rules applied
/// literally. Exponential, so small cases only.
/// </summary>
internal static class BruteForceOptimizer
{
    public static Allocation? Optimize(IReadOnlyList<OptimizerTeam> teams, OptimizerBounds bounds)
    {
        var ordered = teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0)
        {
            return null;
        }

        // Bid choices per team, largest first, so vectors are visited in lexicographically descending order.
        var choices = new List<int>();
        for (var b = Math.Min(bounds.MaxBid, bounds.Budget); b >= bounds.MinBid; b--)
        {
            choices.Add(b);
        }

        choices.Add(0);

        var vectors = new List<int[]>();
        Enumerate(ordered.Length, choices, bounds, new int[ordered.Length], 0, 0, 0, vectors);
        if (vectors.Count == 0)
        {
            return null;
        }

        var objectives = vectors.Select(v => Objective(ordered, v)).ToArray();
        var top = objectives.Max();
        var threshold = top - 1e-12 * Math.Max(1.0, Math.Abs(top));

        int[]? chosen = null;
        int chosenSpend = -1, chosenTeams = int.MaxValue;
        for (var i = 0; i < vectors.Count; i++)
        {
            if (objectives[i] < threshold)
            {
                continue;
            }

            var spend = vectors[i].Sum();
            var used = vectors[i].Count(b => b > 0);
            // Visited in descending lexicographic order, so the first of any (spend, teams) tie is the largest.
            if (spend > chosenSpend || (spend == chosenSpend && used < chosenTeams))
            {
                chosen = vectors[i];
                chosenSpend = spend;
                chosenTeams = used;
            }
        }

        var bids = new List<TeamBid>();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (chosen![i] > 0)
            {
                bids.Add(new TeamBid(ordered[i].TeamId, chosen[i], Captured(ordered[i], chosen[i])));
            }
        }

        return new Allocation(bids, Objective(ordered, chosen!), chosenSpend);
    }

    public static double Captured(OptimizerTeam team, int bid) =>
        team.MarketPoints == 0 ? team.ExpectedPoints : team.ExpectedPoints * bid / (team.MarketPoints + bid);

    private static double Objective(OptimizerTeam[] ordered, int[] vector)
    {
        var total = 0.0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (vector[i] > 0)
            {
                total += Captured(ordered[i], vector[i]);
            }
        }

        return total;
    }

    private static void Enumerate(
        int n, List<int> choices, OptimizerBounds bounds, int[] current, int index, int spend, int used,
        List<int[]> sink)
    {
        if (index == n)
        {
            if (used >= bounds.MinTeams && used <= bounds.MaxTeams)
            {
                sink.Add((int[])current.Clone());
            }

            return;
        }

        foreach (var b in choices)
        {
            var nextUsed = used + (b > 0 ? 1 : 0);
            if (spend + b > bounds.Budget || nextUsed > bounds.MaxTeams)
            {
                continue;
            }

            current[index] = b;
            Enumerate(n, choices, bounds, current, index + 1, spend + b, nextUsed, sink);
        }

        current[index] = 0;
    }
}
