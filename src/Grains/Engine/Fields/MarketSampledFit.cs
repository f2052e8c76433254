namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Fits <c>market_sampled</c> leave-one-year-out: every entry of every training pool except the target's becomes one
/// profile. Nothing is smoothed: with 250–300 real entries the empirical distribution is already richer than any
/// two-parameter family would be, and it cannot produce a shape no real player ever used.
/// </summary>
public static class MarketSampledFit
{
    /// <summary>
    /// Fits on <paramref name="pools"/> minus the target's pool and every pool of the target's tournament (those are
    /// ignored, so callers may pass all real pools); <see cref="MarketSampledParameters.FittedOnPoolIds"/> says which
    /// were used. Pools and entries are read in id order, so the result does not depend on the order given.
    /// </summary>
    /// <exception cref="ArgumentException">No entries remain, a pool is given twice, or a pool has a non-positive budget.</exception>
    public static MarketSampledParameters Fit(IReadOnlyList<FieldTrainingPool> pools, FieldTarget target)
    {
        var used = FieldTraining.Select(pools, target);
        var profiles = new List<EntryProfile>();
        foreach (var pool in used)
        {
            foreach (var entry in pool.Pool.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal))
            {
                var bids = entry.Bids.Select(b => b.BidPoints).Where(b => b > 0).OrderByDescending(b => b).ToArray();
                if (bids.Length > 0)
                {
                    profiles.Add(new EntryProfile(pool.Pool.PoolId, entry.EntryKey, pool.Rules.Budget, Array.AsReadOnly(bids)));
                }
            }
        }

        return new MarketSampledParameters(
            FieldModelKinds.MarketSampledVersion, target.PoolId, target.TournamentId,
            used.Select(p => p.Pool.PoolId).ToList().AsReadOnly(), profiles.AsReadOnly());
    }
}
