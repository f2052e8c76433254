using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// The market-share models of a pool that need no training, and the measures shared by all models. A market-share
/// model predicts how the other entries spread their bid points over the teams; a candidate entry's return on a team
/// then depends on how crowded that team is, so the prediction is what any bidding strategy is built on.
/// </summary>
public static class MarketShareModels
{
    /// <summary>Shares proportional to each team's expected points: a market that bids exactly in line with value.</summary>
    public const string NaiveEv = "naive_ev";

    /// <summary>The pool's own actual shares (<see cref="ActualShares"/>): known only after bidding, an upper bound for models.</summary>
    public const string Oracle = "oracle";

    /// <summary>Shares predicted by <see cref="RidgeMarketModel"/> from past pools.</summary>
    public const string Ridge = "ridge";

    /// <summary>
    /// Share ∝ expected points; teams with 0 expected points get 0. The naive market: no crowding on favourites
    /// beyond their value, which is the baseline the trained models have to beat.
    /// </summary>
    /// <exception cref="ArgumentException">No teams, any value negative, NaN or infinite, or all values 0.</exception>
    public static MarketShares NaiveEvShares(IReadOnlyDictionary<string, double> expectedPointsByTeam)
    {
        ArgumentNullException.ThrowIfNull(expectedPointsByTeam);
        var anyPositive = false;
        foreach (var (teamId, points) in expectedPointsByTeam)
        {
            if (!double.IsFinite(points) || points < 0)
            {
                throw new ArgumentException(
                    $"Team '{teamId}' has expected points {points}; they must be finite and >= 0.", nameof(expectedPointsByTeam));
            }

            anyPositive |= points > 0;
        }

        if (!anyPositive)
        {
            throw new ArgumentException("Every team has 0 expected points; shares are undefined.", nameof(expectedPointsByTeam));
        }

        return ShareNormalization.Normalize(expectedPointsByTeam);
    }

    /// <summary>
    /// The pool's actual shares over all the tournament's teams, without the excluded entry: the excluded entry is
    /// the one a candidate replaces, so the market it faces is everybody else. Teams nobody bid on get 0.
    /// </summary>
    /// <param name="excludedEntryKey">The entry to leave out, or null to count every entry.</param>
    /// <exception cref="ArgumentException">
    /// The excluded key is not an entry of the pool, a bid names a team outside the tournament or is negative,
    /// a team id repeats in the tournament, or no bid points remain.
    /// </exception>
    public static MarketShares ActualShares(BracketTournament tournament, PoolBids pool, string? excludedEntryKey)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(pool);
        if (excludedEntryKey is not null && !pool.Entries.Any(e => string.Equals(e.EntryKey, excludedEntryKey, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"Excluded entry '{excludedEntryKey}' is not an entry of pool '{pool.PoolId}'.", nameof(excludedEntryKey));
        }

        var pointsByTeam = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var team in tournament.Teams)
        {
            if (!pointsByTeam.TryAdd(team.TeamId, 0))
            {
                throw new ArgumentException(
                    $"Team '{team.TeamId}' appears more than once in tournament '{tournament.TournamentId}'.", nameof(tournament));
            }
        }

        // Integer sums: exact, so the result does not depend on the order entries are listed in.
        long total = 0;
        foreach (var entry in pool.Entries)
        {
            if (string.Equals(entry.EntryKey, excludedEntryKey, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var bid in entry.Bids)
            {
                if (!pointsByTeam.TryGetValue(bid.TeamId, out var sum))
                {
                    throw new ArgumentException(
                        $"Entry '{entry.EntryKey}' bids on '{bid.TeamId}', which is not a team of tournament '{tournament.TournamentId}'.",
                        nameof(pool));
                }

                if (bid.BidPoints < 0)
                {
                    throw new ArgumentException(
                        $"Entry '{entry.EntryKey}' bids {bid.BidPoints} points on '{bid.TeamId}'; bids must be >= 0.", nameof(pool));
                }

                pointsByTeam[bid.TeamId] = sum + bid.BidPoints;
                total += bid.BidPoints;
            }
        }

        if (total == 0)
        {
            throw new ArgumentException($"Pool '{pool.PoolId}' has no bid points left to take shares of.", nameof(pool));
        }

        return ShareNormalization.Normalize(pointsByTeam.Select(p => new KeyValuePair<string, double>(p.Key, p.Value)));
    }

    /// <summary>
    /// Mean over the teams of |predicted − actual|: the error measure models are compared on. The mean (not the sum)
    /// keeps it on the scale of one team's share.
    /// </summary>
    /// <exception cref="ArgumentException">The two do not cover the same teams, or cover none.</exception>
    public static double MeanAbsoluteError(MarketShares predicted, MarketShares actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (actual.Teams.Count == 0)
        {
            throw new ArgumentException("There are no teams to compare.", nameof(actual));
        }

        var predictedById = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var team in predicted.Teams)
        {
            if (!predictedById.TryAdd(team.TeamId, team.Share))
            {
                throw new ArgumentException($"Team '{team.TeamId}' appears more than once.", nameof(predicted));
            }
        }

        if (predictedById.Count != actual.Teams.Count)
        {
            throw new ArgumentException(
                $"Predicted shares cover {predictedById.Count} teams, actual shares {actual.Teams.Count}.", nameof(predicted));
        }

        var sum = 0.0;
        foreach (var team in actual.Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal))
        {
            if (!predictedById.TryGetValue(team.TeamId, out var share))
            {
                throw new ArgumentException($"Predicted shares have no team '{team.TeamId}'.", nameof(predicted));
            }

            sum += Math.Abs(share - team.Share);
        }

        return sum / actual.Teams.Count;
    }

    /// <summary>
    /// Bid points the market puts on each team: share × budget × field entries, where the field is the pool's
    /// entries minus the excluded one. Turns shares back into the points a candidate bids against.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget or the field size is negative.</exception>
    public static IReadOnlyDictionary<string, double> MarketPoints(MarketShares shares, int budgetPoints, int fieldEntries)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(budgetPoints);
        ArgumentOutOfRangeException.ThrowIfNegative(fieldEntries);
        var fieldPoints = (double)budgetPoints * fieldEntries;
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var team in shares.Teams)
        {
            if (!points.TryAdd(team.TeamId, team.Share * fieldPoints))
            {
                throw new ArgumentException($"Team '{team.TeamId}' appears more than once.", nameof(shares));
            }
        }

        return points;
    }
}
