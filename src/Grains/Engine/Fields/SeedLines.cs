using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>Where a team stands in its seed line: its seed, its rank by rating within the line (0 = best) and the line's size.</summary>
public sealed record SeedLinePlace(int Seed, int RankInLine, int LineSize);

/// <summary>
/// Seed lines of a tournament: the teams of one seed (four, or five or six where First Four pairs share a slot),
/// ranked by KenPom net rating, best first; a team without a rating ranks after those with one; equal ratings rank by
/// team id ordinal, so the ranking is total and stable.
/// </summary>
public static class SeedLines
{
    /// <summary>Every team's place, keyed by team id.</summary>
    public static IReadOnlyDictionary<string, SeedLinePlace> Places(BracketTournament tournament)
    {
        var places = new Dictionary<string, SeedLinePlace>(StringComparer.Ordinal);
        foreach (var line in Lines(tournament))
        {
            for (var r = 0; r < line.Value.Count; r++)
            {
                places.Add(line.Value[r].TeamId, new SeedLinePlace(line.Key, r, line.Value.Count));
            }
        }

        return places;
    }

    /// <summary>Teams of each seed, best rated first.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<BracketTeam>> Lines(BracketTournament tournament)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        return tournament.Teams
            .GroupBy(t => t.Seed)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BracketTeam>)g.OrderBy(t => t, RatingOrder.Instance).ToList());
    }

    /// <summary>
    /// The target rank of source rank r of a line of n_source teams in a line of n_target: the target team whose
    /// share of the line, ((t, t+1) / n_target), holds the midpoint of the source team's share ((r + ½) / n_source),
    /// i.e. ⌊(2r + 1)·n_target / (2·n_source)⌋. Equal sizes map rank to the same rank.
    /// </summary>
    public static int MapRank(int rank, int sourceSize, int targetSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, sourceSize);
        return (int)(((2L * rank) + 1) * targetSize / (2L * sourceSize));
    }

    /// <summary>Best rating first, unrated last, then team id ordinal.</summary>
    internal sealed class RatingOrder : IComparer<BracketTeam>
    {
        public static readonly RatingOrder Instance = new();

        public int Compare(BracketTeam? x, BracketTeam? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byRating = (x.KenPomNet, y.KenPomNet) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } a, { } b) => b.CompareTo(a),
            };
            return byRating != 0 ? byRating : string.CompareOrdinal(x.TeamId, y.TeamId);
        }
    }
}
