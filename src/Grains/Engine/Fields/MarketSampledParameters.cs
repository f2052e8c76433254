namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// The fitted parameters of <c>market_sampled</c>: the empirical joint distribution of an entry's shape, one
/// <see cref="EntryProfile"/> per real entry of the pools it was fitted on. Team count, bid sizes by rank (as fractions
/// of the budget) and budget use are read off the same real entry, so their correlations (few teams ⇒ big bids) are kept
/// rather than modelled. Plain and immutable so it can be stored as an artifact; <see cref="FittedOnPoolIds"/> is its
/// lineage and never holds <see cref="TargetPoolId"/>.
/// </summary>
/// <param name="ModelVersion">The sampler version (<see cref="FieldModelKinds.MarketSampledVersion"/>) the parameters are for.</param>
/// <param name="TargetPoolId">The pool whose field these parameters are meant to draw (left out of the fit).</param>
/// <param name="TargetTournamentId">The target's tournament (every pool of it was left out too).</param>
/// <param name="FittedOnPoolIds">The pools the profiles came from, ordinal order.</param>
/// <param name="Profiles">Profiles by pool id ordinal, then entry key ordinal.</param>
public sealed record MarketSampledParameters(
    string ModelVersion,
    string TargetPoolId,
    string TargetTournamentId,
    IReadOnlyList<string> FittedOnPoolIds,
    IReadOnlyList<EntryProfile> Profiles)
{
    /// <summary>Mean fraction of the budget an entry spends (budget use).</summary>
    public double MeanBudgetUse => Profiles.Average(p => p.BudgetUse);

    /// <summary>How many profiles have each team count: the fitted team-count distribution.</summary>
    public IReadOnlyDictionary<int, int> TeamCountCounts =>
        Profiles.GroupBy(p => p.Bids.Count).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// The shape of one real entry without its teams: its bids largest first and the budget they were made under, so
/// <c>Bids[r] / Budget</c> is the fraction of the budget bid at rank r and <c>Σ Bids / Budget</c> the budget use.
/// Integers, so the artifact holds the real numbers exactly.
/// </summary>
public sealed record EntryProfile(string SourcePoolId, string SourceEntryKey, int Budget, IReadOnlyList<int> Bids)
{
    public double BudgetUse => (double)Bids.Sum() / Budget;
}
