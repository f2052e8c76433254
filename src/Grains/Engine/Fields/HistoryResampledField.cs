using System.Globalization;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Draws a <c>history_resampled</c> field: each opponent is a uniformly drawn past entry (with replacement), replayed on
/// this year's teams.
/// </summary>
/// <remarks>
/// The mapping of one past bid (seed s, rank r in a line of n_source teams, b points) onto this tournament:
/// <list type="number">
/// <item>This year's line s is ranked the same way (KenPom net, best first; unrated last; then team id).</item>
/// <item>The bid goes to the team of rank ⌊(2r + 1)·n_target / (2·n_source)⌋ (<see cref="SeedLines.MapRank"/>): the
/// same rank when the lines have the same size, and the nearest relative position when a First Four line has five or six
/// teams on one side only. Two past bids landing on one team are added together.</item>
/// <item>Amounts are scaled by this budget / the past budget and fitted to this pool's rules by
/// <see cref="RuleFitting"/> (smallest bids dropped above MaxTeams, their money kept; spend clamped to the budget; each
/// bid clamped to [MinBid, MaxBid]). Below MinTeams, MinBid bids go to the best-rated teams the entry does not hold.</item>
/// </list>
/// A past entry that already obeys this pool's rules and has no merged bids keeps its exact amounts.
/// </remarks>
public sealed class HistoryResampledField
{
    /// <summary>Opponent keys are <c>H001</c>, <c>H002</c>, …: they cannot collide with real keys (<c>P…</c>).</summary>
    public const string EntryKeyPrefix = "H";

    private readonly EntrantBid[][] mapped;

    /// <summary>Maps every fitted entry onto <paramref name="tournament"/> under <paramref name="rules"/> once, here.</summary>
    /// <exception cref="ArgumentException">No entries, rules that cannot hold an entry, or a seed line this tournament lacks.</exception>
    public HistoryResampledField(HistoryResampledParameters parameters, BracketTournament tournament, OptimizerBounds rules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Entries.Count == 0)
        {
            throw new ArgumentException("The fitted parameters hold no entries.", nameof(parameters));
        }

        var lines = SeedLines.Lines(tournament);
        var byRating = tournament.Teams.OrderBy(t => t, SeedLines.RatingOrder.Instance).Select(t => t.TeamId).ToList();
        mapped = parameters.Entries.Select(e => Map(e, lines, byRating, rules)).ToArray();
    }

    /// <summary>Every fitted entry as mapped onto this tournament, in the parameters' entry order (what a draw picks from).</summary>
    internal IReadOnlyList<IReadOnlyList<EntrantBid>> MappedEntries => mapped;

    /// <summary>
    /// Field <paramref name="fieldIndex"/> of <paramref name="opponents"/> entries under <paramref name="seed"/>: a
    /// function of (parameters, tournament, rules, opponents, seed, fieldIndex) only.
    /// </summary>
    public IReadOnlyList<PoolEntrant> Draw(int opponents, long seed, long fieldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opponents);
        var random = FieldStream.For(FieldStream.HistoryResampledSalt, seed, fieldIndex);
        var field = new PoolEntrant[opponents];
        for (var e = 0; e < opponents; e++)
        {
            var bids = (EntrantBid[])mapped[random.Next(mapped.Length)].Clone();
            field[e] = new PoolEntrant(EntryKeyPrefix + (e + 1).ToString("D3", CultureInfo.InvariantCulture), bids);
        }

        return field;
    }

    /// <summary>One past entry on this year's teams, obeying the rules; bids in team id ordinal order.</summary>
    internal static EntrantBid[] Map(
        HistoryEntry entry, IReadOnlyDictionary<int, IReadOnlyList<BracketTeam>> lines, IReadOnlyList<string> teamsByRating, OptimizerBounds rules)
    {
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bid in entry.Bids)
        {
            if (!lines.TryGetValue(bid.Seed, out var line))
            {
                throw new ArgumentException($"Entry {entry.SourceEntryKey} of {entry.SourcePoolId} bids on seed {bid.Seed}, which this tournament lacks.", nameof(entry));
            }

            var team = line[SeedLines.MapRank(bid.RankInLine, bid.LineSize, line.Count)].TeamId;
            points[team] = points.GetValueOrDefault(team) + bid.BidPoints;
        }

        // Team id order first, so RuleFitting's "lower index wins a tie" is a rule about team ids, not about dictionary order.
        var teams = points.Keys.Order(StringComparer.Ordinal).ToArray();
        var scaled = teams.Select(t => (double)points[t] * rules.Budget / entry.Budget).ToArray();
        var fitted = RuleFitting.Fit(scaled, rules, int.MaxValue);
        var held = new HashSet<string>(fitted.Where(b => b.Source >= 0).Select(b => teams[b.Source]), StringComparer.Ordinal);
        var padding = teamsByRating.Where(t => !held.Contains(t)).GetEnumerator();
        var result = new EntrantBid[fitted.Length];
        for (var j = 0; j < fitted.Length; j++)
        {
            var team = fitted[j].Source >= 0 ? teams[fitted[j].Source] : padding.MoveNext() ? padding.Current
                : throw new ArgumentException("The tournament has too few teams for the pool's MinTeams.", nameof(rules));
            result[j] = new EntrantBid(team, fitted[j].Amount);
        }

        Array.Sort(result, (a, b) => string.CompareOrdinal(a.TeamId, b.TeamId));
        return result;
    }
}
