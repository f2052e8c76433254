namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// One entry of a simulation run's leaderboard, as the run's <c>metrics</c> artifact states it (money in cents,
/// probabilities raw). <see cref="Rank"/> is the artifact's own order (by expected payout, then entry key).
/// </summary>
public sealed record LeaderboardRow(
    int Rank,
    string EntryKey,
    long PayoutCentsTotal,
    double ExpectedPayoutCents,
    double PFirst,
    double PTop3,
    double PTop6,
    double PTop10,
    double PInTheMoney,
    double MeanPoints,
    double StdDevPoints,
    double MeanNormalizedPayout,
    double MedianNormalizedPayout,
    IReadOnlyList<long> PositionCounts);

/// <summary>One line of the <c>entry_distributions</c> artifact: how often the entry finished 1st..10th and what it was paid.</summary>
public sealed record EntryDistributionView(
    string EntryKey,
    long Simulations,
    IReadOnlyList<long> PositionCounts,
    long InTheMoney,
    IReadOnlyList<PayoutBucket> PayoutHistogram);

/// <summary>Simulations that paid an entry exactly <see cref="AmountCents"/>.</summary>
public sealed record PayoutBucket(long AmountCents, long Simulations);

/// <summary>A team's simulated frequency of each final progress level 0..7 (the metrics artifact's <c>teams</c>).</summary>
public sealed record TeamFrequencies(string TeamId, IReadOnlyList<double> Frequencies);

/// <summary>A team's exact probability of reaching progress 1..7 (the pinned advancement artifact's <c>pRound</c>).</summary>
public sealed record TeamExact(string TeamId, string Name, int Seed, string Region, IReadOnlyList<double> PRound);

/// <summary>What a simulation run sampled and its results, ready for the results page.</summary>
public sealed record SimulationResultsView(
    string RunId,
    string? CalcuttaId,
    string? SyntheticCalcuttaId,
    string AdvancementArtifactId,
    string StartingState,
    long Seed,
    long NSims,
    string? ExcludedEntryKey,
    string? FocusCandidateId,
    string? FocusEntryKey,
    string MetricsArtifactId,
    string? DistributionsArtifactId,
    IReadOnlyList<LeaderboardRow> Leaderboard,
    IReadOnlyList<TeamFrequencies> Teams);

/// <summary>One variant of a <c>paired_simulation</c> run: its payout and its paired gain over variant 0, each with a 95% interval in cents.</summary>
public sealed record PairedVariantRow(
    string Key,
    long Firsts,
    long InTheMoney,
    long PayoutMeanCents,
    long PayoutLowCents,
    long PayoutHighCents,
    long GainMeanCents,
    long GainLowCents,
    long GainHighCents);

/// <summary>A paired simulation run's variants in one seat of a field.</summary>
public sealed record PairedResultsView(
    string RunId, string EntryKey, string StartingState, long Seed, long NSims, string? ExperimentId, string MetricsArtifactId,
    IReadOnlyList<PairedVariantRow> Variants);
