namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Fits <c>history_resampled</c> leave-one-year-out: each entry of each training pool, bar the target's pool and every
/// pool of the target's tournament, is stored by seed-line place (see <see cref="SeedLines"/>).
/// </summary>
public static class HistoryResampledFit
{
    /// <exception cref="ArgumentException">No entries remain, a pool is given twice, or a bid names a team not in its tournament.</exception>
    public static HistoryResampledParameters Fit(IReadOnlyList<FieldTrainingPool> pools, FieldTarget target)
    {
        var used = FieldTraining.Select(pools, target);
        var entries = new List<HistoryEntry>();
        foreach (var pool in used)
        {
            var places = SeedLines.Places(pool.Tournament);
            foreach (var entry in pool.Pool.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal))
            {
                var bids = new List<SeedLineBid>();
                foreach (var bid in entry.Bids.Where(b => b.BidPoints > 0).OrderBy(b => b.TeamId, StringComparer.Ordinal))
                {
                    if (!places.TryGetValue(bid.TeamId, out var place))
                    {
                        throw new ArgumentException(
                            $"Entry {entry.EntryKey} of {pool.Pool.PoolId} bids on '{bid.TeamId}', not in {pool.Tournament.TournamentId}.", nameof(pools));
                    }

                    bids.Add(new SeedLineBid(place.Seed, place.RankInLine, place.LineSize, bid.BidPoints));
                }

                if (bids.Count > 0)
                {
                    entries.Add(new HistoryEntry(pool.Pool.PoolId, entry.EntryKey, pool.Rules.Budget, bids.AsReadOnly()));
                }
            }
        }

        return new HistoryResampledParameters(
            FieldModelKinds.HistoryResampledVersion, target.PoolId, target.TournamentId,
            used.Select(p => p.Pool.PoolId).ToList().AsReadOnly(), entries.AsReadOnly());
    }
}
