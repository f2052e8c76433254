using System.Runtime.CompilerServices;

namespace LabSandbox.Grains.Engine.Optimizer;

/// <summary>
/// The exact integer bid optimizer. Bids are whole units under a small budget, so a dynamic program over
/// (team, teams used, spend) finds the true optimum rather than a greedy approximation, and does it in a few
/// milliseconds for a real pool; the result is a pure function of the inputs (input order included), so the
/// same inputs always yield the same recorded allocation.
/// </summary>
public static class DpOptimizer
{
    /// <summary>Recorded with every result; bump when the allocations could change.</summary>
    public const string Key = "dp-v1";

    // Objectives this close are the same objective; the later tie rules decide between them. Absolute below
    // 1, relative above, so float noise from different summation orders never decides a tie.
    private const double Tolerance = 1e-12;

    /// <summary>
    /// The allocation maximizing Σ E·b/(M+b) within <paramref name="bounds"/>; among equal objectives the
    /// larger spend, then fewer teams, then the larger bid on the lower team id. Null when no allocation
    /// satisfies the bounds (no teams, fewer teams than MinTeams, MinTeams × MinBid over the budget, …).
    /// </summary>
    /// <exception cref="ArgumentException">A team has a missing or duplicate id, or a negative or non-finite
    /// E or M; or the bounds are inconsistent.</exception>
    public static Allocation? Optimize(IReadOnlyList<OptimizerTeam> teams, OptimizerBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(bounds);
        OptimizerInputChecks.ValidateBounds(bounds);
        var ordered = OptimizerInputChecks.OrderAndValidate(teams);

        var n = ordered.Length;
        if (n == 0 || bounds.MinTeams > n)
        {
            return null;
        }

        var maxTeams = Math.Min(bounds.MaxTeams, n);
        var minBid = bounds.MinBid;
        var maxBid = Math.Min(bounds.MaxBid, bounds.Budget);
        var anyBid = minBid <= maxBid && maxTeams > 0;
        if (!anyBid)
        {
            maxTeams = 0;
        }

        // No allocation can spend more than maxTeams × maxBid, so huge budgets with small bids stay small.
        var maxSpend = anyBid ? (int)Math.Min(bounds.Budget, (long)maxTeams * maxBid) : 0;
        var width = maxSpend + 1;
        var layer = (long)(maxTeams + 1) * width;
        var cells = layer * (n + 1);
        if (cells > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Bounds too large for the exact optimizer: {cells} states (budget {bounds.Budget}, {n} teams).",
                nameof(bounds));
        }

        // gains[i × (maxBid + 1) + b]: captured points of a bid b on team i (valid for b in [minBid, maxBid]).
        var stride = anyBid ? maxBid + 1 : 1;
        var gains = new double[n * stride];
        if (anyBid)
        {
            for (var i = 0; i < n; i++)
            {
                var team = ordered[i];
                for (var b = minBid; b <= maxBid; b++)
                {
                    gains[i * stride + b] = Captured(team.ExpectedPoints, team.MarketPoints, b);
                }
            }
        }

        var best = Solve(n, maxTeams, width, layer, minBid, maxBid, stride, gains);

        // The optimum over the allowed team counts, then the tie rules: larger spend, then fewer teams.
        var top = double.NegativeInfinity;
        for (var k = bounds.MinTeams; k <= maxTeams; k++)
        {
            for (var s = 0; s <= maxSpend; s++)
            {
                top = Math.Max(top, best[k * width + s]);
            }
        }

        if (double.IsNegativeInfinity(top))
        {
            return null;
        }

        var threshold = top - Tolerance * Math.Max(1.0, Math.Abs(top));
        var chosenK = -1;
        var chosenS = -1;
        for (var s = maxSpend; s >= 0 && chosenK < 0; s--)
        {
            for (var k = bounds.MinTeams; k <= maxTeams; k++)
            {
                if (best[k * width + s] >= threshold)
                {
                    chosenK = k;
                    chosenS = s;
                    break;
                }
            }
        }

        var bids = Reconstruct(n, chosenK, chosenS, width, layer, minBid, maxBid, stride, gains, best, threshold);

        var result = new List<TeamBid>(chosenK);
        var objective = 0.0;
        var spend = 0;
        for (var i = 0; i < n; i++)
        {
            if (bids[i] == 0)
            {
                continue;
            }

            var captured = gains[i * stride + bids[i]];
            result.Add(new TeamBid(ordered[i].TeamId, bids[i], captured));
            objective += captured;
            spend += bids[i];
        }

        return new Allocation(result, objective, spend);
    }

    /// <summary>
    /// best[(i × (maxTeams + 1) + k) × width + s]: the largest objective teams i..n−1 can reach with exactly
    /// k nonzero bids spending exactly s (−∞ when impossible). Filled from the last team to the first, so
    /// reconstruction can walk the teams forward in id order.
    /// </summary>
    // Called once per optimization, so tiered JIT would otherwise run this loop unoptimized.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Solve(
        int n, int maxTeams, int width, long layer, int minBid, int maxBid, int stride, double[] gains)
    {
        var best = new double[layer * (n + 1)];
        Array.Fill(best, double.NegativeInfinity);
        best[layer * n] = 0.0; // past the last team: nothing chosen, nothing spent

        for (var i = n - 1; i >= 0; i--)
        {
            var gain = new ReadOnlySpan<double>(gains, i * stride, stride);
            // Teams i..n−1 can hold at most n − i nonzero bids; deeper rows stay −∞ from the fill.
            var reachable = Math.Min(maxTeams, n - i);
            for (var k = 0; k <= reachable; k++)
            {
                var row = best.AsSpan((int)(layer * i + (long)k * width), width);
                var skip = new ReadOnlySpan<double>(best, (int)(layer * (i + 1) + (long)k * width), width);
                if (k == 0)
                {
                    skip.CopyTo(row); // no bids left: team i bids 0
                    continue;
                }

                var take = new ReadOnlySpan<double>(best, (int)(layer * (i + 1) + (long)(k - 1) * width), width);
                // Exactly k bids of at least minBid each spend at least k × minBid.
                var first = (int)Math.Min((long)k * minBid, width);
                row[..first].Fill(double.NegativeInfinity);
                for (var s = first; s < width; s++)
                {
                    var value = skip[s]; // bid 0 on team i
                    var top = Math.Min(maxBid, s);
                    for (var b = minBid; b <= top; b++)
                    {
                        // −∞ + finite stays −∞, so impossible continuations never win.
                        var candidate = take[s - b] + gain[b];
                        if (candidate > value)
                        {
                            value = candidate;
                        }
                    }

                    row[s] = value;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Walks the teams in id order giving each the largest bid that still completes to an allocation within
    /// tolerance of the optimum: that is the lexicographically largest bid vector among the tied optima, and
    /// comparing against the one global threshold (not each suffix's own best) keeps ties consistent.
    /// </summary>
    private static int[] Reconstruct(
        int n, int k, int s, int width, long layer, int minBid, int maxBid, int stride, double[] gains,
        double[] best, double threshold)
    {
        var bids = new int[n];
        var prefix = 0.0;
        for (var i = 0; i < n; i++)
        {
            var next = layer * (i + 1);
            var chosen = -1;
            var fallback = -1;
            var fallbackValue = double.NegativeInfinity;

            if (k > 0)
            {
                for (var b = Math.Min(maxBid, s); b >= minBid; b--)
                {
                    var value = prefix + (gains[i * stride + b] + best[next + (long)(k - 1) * width + s - b]);
                    if (value >= threshold)
                    {
                        chosen = b;
                        break;
                    }

                    if (value > fallbackValue)
                    {
                        fallbackValue = value;
                        fallback = b;
                    }
                }
            }

            if (chosen < 0)
            {
                var value = prefix + best[next + (long)k * width + s];
                if (value >= threshold || value > fallbackValue || fallback < 0)
                {
                    chosen = 0;
                }
                else
                {
                    // Only reachable through rounding at the threshold's edge: keep the best completion.
                    chosen = fallback;
                }
            }

            bids[i] = chosen;
            if (chosen > 0)
            {
                prefix += gains[i * stride + chosen];
                k--;
                s -= chosen;
            }
        }

        return bids;
    }

    private static double Captured(double expected, double market, int bid) =>
        market == 0 ? expected : expected * bid / (market + bid);
}
