namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// The search's decisions, from paired estimates of the experiment's objective only (challenger minus incumbent on
/// the same simulations), so they never depend on the order evaluations finished in. Thresholds apply at batch
/// boundaries: a challenger is judged on the whole batch it was part of. For expected payout the estimates are
/// <see cref="PayoutStatistics"/>' integer cents, so these decisions are the ones the search always made.
/// </summary>
public static class IterationJudge
{
    /// <summary>Prune: even the optimistic bound (gain + z·se) is below zero — it is below the incumbent.</summary>
    public static bool Prune(ObjectiveEstimate screening) => screening.High < 0;

    /// <summary>
    /// The challenger to accept: the largest gain among those whose 95% interval lies above zero (exact comparison where
    /// the objective is a mean of integers; ties to the earlier challenger); null when none improves significantly.
    /// </summary>
    public static int? Accept(IReadOnlyList<(int Challenger, ObjectiveEstimate Gain)> evaluated)
    {
        (int Challenger, ObjectiveEstimate Gain)? best = null;
        foreach (var candidate in evaluated.OrderBy(e => e.Challenger))
        {
            if (candidate.Gain.Low > 0 && (best is null || candidate.Gain.CompareValue(best.Value.Gain) > 0))
            {
                best = candidate;
            }
        }

        return best?.Challenger;
    }

    /// <summary>
    /// Every challenger is significantly worse than the incumbent — its 95% gain interval lies entirely below zero
    /// (a pruned challenger judged on its screening batch) — so the incumbent beats its whole neighbourhood.
    /// </summary>
    public static bool NoImprovementPossible(IReadOnlyList<ObjectiveEstimate> gains95) =>
        gains95.Count > 0 && gains95.All(g => g.High < 0);

    /// <summary>The final comparison: the best entry beats the initial one when the 95% interval of its gain lies above zero.</summary>
    public static bool Significant(ObjectiveEstimate gain95) => gain95.Low > 0;
}
