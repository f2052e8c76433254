namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// Turns non-negative weights into <see cref="MarketShares"/>: one place that sorts by team id ordinal and divides
/// by the total, so every model sums in the same order and yields bit-identical results run after run.
/// </summary>
internal static class ShareNormalization
{
    /// <summary>Weights proportional to the shares; the caller guarantees each is finite, ≥ 0 and the sum &gt; 0.</summary>
    /// <exception cref="ArgumentException">A team id appears twice.</exception>
    public static MarketShares Normalize(IEnumerable<KeyValuePair<string, double>> weights)
    {
        var ordered = weights.OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (string.Equals(ordered[i - 1].Key, ordered[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Team '{ordered[i].Key}' appears more than once.", nameof(weights));
            }
        }

        var total = 0.0;
        foreach (var weight in ordered)
        {
            total += weight.Value;
        }

        return new MarketShares(ordered.Select(w => new TeamShare(w.Key, w.Value / total)).ToList());
    }

    /// <summary>Every team the same share: the fallback when a model has no signal, and the naive baseline.</summary>
    public static MarketShares Uniform(IEnumerable<string> teamIds) =>
        Normalize(teamIds.Select(id => new KeyValuePair<string, double>(id, 1.0)));
}
