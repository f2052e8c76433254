using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// The ridge model's features, computed from the tournament alone (never from bids) so that a tournament whose
/// pool has not bid yet can be predicted. Each row is one team, rows in team id ordinal order.
/// </summary>
internal static class RidgeFeatures
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>intercept</c>: 1; the level of an average team (not penalized).</item>
    /// <item><c>kenpom_z</c>: KenPom net rating z-scored within its tournament (population standard deviation), so
    /// years with differently spread ratings compare; a missing rating counts as the tournament's minimum (an unrated
    /// team is taken to be no better than the weakest rated one); 0 for all when no team is rated or all are equal.</item>
    /// <item><c>kenpom_z_sq</c>: its square; the market crowds onto the strongest teams more than linearly.</item>
    /// <item><c>seed_strength</c>: (17 − seed) / 16, 1 for a 1 seed; bettors look at seeds as much as ratings.</item>
    /// <item><c>seed_strength_sq</c>: its square, for the same convexity by seed.</item>
    /// <item><c>first_four</c>: 1 for a First Four team, which may not even reach the round of 64.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
        ["intercept", "kenpom_z", "kenpom_z_sq", "seed_strength", "seed_strength_sq", "first_four"];

    /// <summary>The tournament's teams in team id ordinal order with their feature rows.</summary>
    /// <exception cref="ArgumentException">No teams, a repeated team id, a seed outside 1..16 or a non-finite rating.</exception>
    public static (IReadOnlyList<string> TeamIds, double[][] Rows) For(BracketTournament tournament)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var teams = tournament.Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList();
        if (teams.Count == 0)
        {
            throw new ArgumentException($"Tournament '{tournament.TournamentId}' has no teams.", nameof(tournament));
        }

        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            if (i > 0 && string.Equals(teams[i - 1].TeamId, team.TeamId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Team '{team.TeamId}' appears more than once in tournament '{tournament.TournamentId}'.", nameof(tournament));
            }

            if (team.Seed is < 1 or > 16)
            {
                throw new ArgumentException($"Team '{team.TeamId}' has seed {team.Seed}; seeds are 1..16.", nameof(tournament));
            }

            if (team.KenPomNet is { } rating && !double.IsFinite(rating))
            {
                throw new ArgumentException($"Team '{team.TeamId}' has KenPom net rating {rating}.", nameof(tournament));
            }
        }

        var z = KenPomZ(teams);
        var rows = new double[teams.Count][];
        for (var i = 0; i < teams.Count; i++)
        {
            var strength = (17.0 - teams[i].Seed) / 16.0;
            rows[i] = [1.0, z[i], z[i] * z[i], strength, strength * strength, teams[i].IsFirstFour ? 1.0 : 0.0];
        }

        return (teams.Select(t => t.TeamId).ToList(), rows);
    }

    private static double[] KenPomZ(IReadOnlyList<BracketTeam> teams)
    {
        var z = new double[teams.Count];
        var rated = teams.Where(t => t.KenPomNet.HasValue).Select(t => t.KenPomNet!.Value).ToList();
        if (rated.Count == 0)
        {
            return z;
        }

        var minimum = rated.Min();
        var values = teams.Select(t => t.KenPomNet ?? minimum).ToArray();
        var mean = values.Sum() / values.Length;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        var deviation = Math.Sqrt(variance);
        if (deviation == 0)
        {
            return z;
        }

        for (var i = 0; i < values.Length; i++)
        {
            z[i] = (values[i] - mean) / deviation;
        }

        return z;
    }
}
