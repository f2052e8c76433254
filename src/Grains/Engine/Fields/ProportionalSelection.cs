using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Chooses k distinct teams so that each team t is chosen with probability exactly k·w_t / Σw (Madow's systematic
/// πps sampling over a random order of the teams). Exact inclusion probabilities are what make the expected bids on a
/// team proportional to its market share; drawing one team at a time without replacement would not (it under-picks
/// the favourites). The random order only varies which teams appear together; it does not change the probabilities.
/// </summary>
internal static class ProportionalSelection
{
    /// <summary>The largest k for which every inclusion probability k·w_t / Σw is at most 1.</summary>
    public static int MaxCount(ReadOnlySpan<double> weights)
    {
        double total = 0, largest = 0;
        var positive = 0;
        foreach (var w in weights)
        {
            total += w;
            largest = Math.Max(largest, w);
            positive += w > 0 ? 1 : 0;
        }

        if (largest <= 0)
        {
            return 0;
        }

        var k = Math.Min(positive, (int)Math.Floor(total / largest));
        while (k > 0 && k * largest > total)
        {
            k--; // floor(total / largest) can round up by one ulp
        }

        return k;
    }

    /// <summary>Indexes of k distinct teams, in the random order they were visited. Needs k ≤ <see cref="MaxCount"/>.</summary>
    public static int[] Choose(SeededRandom random, ReadOnlySpan<double> weights, int k)
    {
        if (k < 0 || k > MaxCount(weights))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"At most {MaxCount(weights)} teams can be chosen in proportion to these weights.");
        }

        var order = new int[weights.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Shuffle(random, order);
        var total = 0.0;
        foreach (var t in order)
        {
            total += weights[t];
        }

        // Points u, u + 1, …, u + k − 1 in units of Σw / k; team t owns [S_before, S_before + w_t). Since w_t ≤ Σw / k,
        // no interval holds two points, so the k teams are distinct and each is hit with probability k·w_t / Σw.
        var start = random.NextDouble();
        var chosen = new int[k];
        var position = 0;
        var cumulative = weights[order[0]];
        for (var j = 0; j < k; j++)
        {
            var point = (start + j) * total / k;
            while (position < order.Length - 1 && (cumulative <= point || weights[order[position]] <= 0))
            {
                position++;
                cumulative += weights[order[position]];
            }

            // Rounding can leave a point on the boundary of the team just chosen: step to the next team then.
            while (j > 0 && chosen[j - 1] == order[position] && position < order.Length - 1)
            {
                position++;
                cumulative += weights[order[position]];
            }

            chosen[j] = order[position];
        }

        return chosen;
    }

    /// <summary>Fisher–Yates: every order equally likely.</summary>
    public static void Shuffle(SeededRandom random, int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
