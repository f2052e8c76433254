namespace LabSandbox.Grains.Engine.Optimizer;

/// <summary>
/// The checks <see cref="DpOptimizer"/> makes before it optimizes: consistent bounds, and teams with ids and
/// finite, non-negative points, put in team id order (the order its result and tie rules are defined in).
/// </summary>
internal static class OptimizerInputChecks
{
    public static void ValidateBounds(OptimizerBounds bounds)
    {
        if (bounds.Budget < 0)
        {
            throw new ArgumentException($"Budget must be ≥ 0 (got {bounds.Budget}).", nameof(bounds));
        }

        if (bounds.MinBid < 1)
        {
            throw new ArgumentException($"MinBid must be ≥ 1 (got {bounds.MinBid}).", nameof(bounds));
        }

        if (bounds.MaxBid < bounds.MinBid)
        {
            throw new ArgumentException(
                $"MaxBid ({bounds.MaxBid}) must be ≥ MinBid ({bounds.MinBid}).", nameof(bounds));
        }

        if (bounds.MinTeams < 0)
        {
            throw new ArgumentException($"MinTeams must be ≥ 0 (got {bounds.MinTeams}).", nameof(bounds));
        }

        if (bounds.MaxTeams < bounds.MinTeams)
        {
            throw new ArgumentException(
                $"MaxTeams ({bounds.MaxTeams}) must be ≥ MinTeams ({bounds.MinTeams}).", nameof(bounds));
        }
    }

    public static OptimizerTeam[] OrderAndValidate(IReadOnlyList<OptimizerTeam> teams)
    {
        var ordered = new OptimizerTeam[teams.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var team = teams[i] ?? throw new ArgumentException($"Team {i} is null.", nameof(teams));
            if (team.TeamId is null)
            {
                throw new ArgumentException($"Team {i} has no id.", nameof(teams));
            }

            if (!double.IsFinite(team.ExpectedPoints) || team.ExpectedPoints < 0)
            {
                throw new ArgumentException(
                    $"Team '{team.TeamId}': expected points must be finite and ≥ 0 (got {team.ExpectedPoints}).",
                    nameof(teams));
            }

            if (!double.IsFinite(team.MarketPoints) || team.MarketPoints < 0)
            {
                throw new ArgumentException(
                    $"Team '{team.TeamId}': market points must be finite and ≥ 0 (got {team.MarketPoints}).",
                    nameof(teams));
            }

            ordered[i] = team;
        }

        Array.Sort(ordered, static (x, y) => string.CompareOrdinal(x.TeamId, y.TeamId));
        for (var i = 1; i < ordered.Length; i++)
        {
            if (string.Equals(ordered[i - 1].TeamId, ordered[i].TeamId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Duplicate team id '{ordered[i].TeamId}'.", nameof(teams));
            }
        }

        return ordered;
    }
}
