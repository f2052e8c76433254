namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// The search's decisions, from paired statistics only (challenger minus incumbent on the same simulations), so
/// they never depend on the order evaluations finished in. Thresholds apply at batch boundaries: a challenger is
/// judged on the whole batch it was part of.
/// </summary>
public static class IterationJudge
{
    /// <summary>Prune: even the optimistic bound (mean + z·se) of the gain is below zero — it is below the incumbent.</summary>
    public static bool Prune(PayoutEstimate screening) => screening.HighCents < 0;

    /// <summary>
    /// The challenger to accept: the largest mean gain among those whose 95% interval lies above zero (ties to the
    /// earlier challenger); null when none improves significantly.
    /// </summary>
    public static int? Accept(IReadOnlyList<(int Challenger, PayoutEstimate Gain)> evaluated)
    {
        (int Challenger, PayoutEstimate Gain)? best = null;
        foreach (var candidate in evaluated.OrderBy(e => e.Challenger))
        {
            if (candidate.Gain.LowCents > 0 && (best is null || candidate.Gain.CompareMean(best.Value.Gain) > 0))
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
    public static bool NoImprovementPossible(IReadOnlyList<PayoutEstimate> gains95) =>
        gains95.Count > 0 && gains95.All(g => g.HighCents < 0);
}
