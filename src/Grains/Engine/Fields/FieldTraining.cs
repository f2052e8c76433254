namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Chooses the pools a fit may use: every given pool except the target's (leave-one-year-out, like the ridge market
/// model), in pool id ordinal order so the fitted parameters do not depend on the order the caller listed them.
/// </summary>
internal static class FieldTraining
{
    public static IReadOnlyList<FieldTrainingPool> Select(IReadOnlyList<FieldTrainingPool> pools, FieldTarget target)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(target);
        var used = new List<FieldTrainingPool>();
        foreach (var pool in pools)
        {
            if (pool is null)
            {
                throw new ArgumentException("Training pools contain a null pool.", nameof(pools));
            }

            if (pool.Rules.Budget <= 0)
            {
                throw new ArgumentException($"Pool {pool.Pool.PoolId} has budget {pool.Rules.Budget}; fractions of it need a positive budget.", nameof(pools));
            }

            if (string.Equals(pool.Pool.PoolId, target.PoolId, StringComparison.Ordinal)
                || string.Equals(pool.Tournament.TournamentId, target.TournamentId, StringComparison.Ordinal))
            {
                continue;
            }

            used.Add(pool);
        }

        used.Sort((a, b) => string.CompareOrdinal(a.Pool.PoolId, b.Pool.PoolId));
        for (var i = 1; i < used.Count; i++)
        {
            if (string.Equals(used[i - 1].Pool.PoolId, used[i].Pool.PoolId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Pool {used[i].Pool.PoolId} is given twice.", nameof(pools));
            }
        }

        if (used.Count == 0 || used.All(p => p.Pool.Entries.Count == 0))
        {
            throw new ArgumentException($"No entries left to fit on once {target.PoolId} ({target.TournamentId}) is left out.", nameof(pools));
        }

        return used;
    }
}
