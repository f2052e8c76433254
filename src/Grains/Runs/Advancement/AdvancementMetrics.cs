using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>
/// The <c>metrics</c> artifact of an advancement run. Deterministic content only: what it was computed
/// from and the per-team table; no run id, clock or host, so equal inputs give equal bytes.
/// </summary>
public sealed record AdvancementMetrics(
    string Kind,
    string EngineVersion,
    string TournamentId,
    string TournamentDigest,
    AdvancementModelParams Model,
    string StartingState,
    IReadOnlyList<ScoringRule> ScoringRules,
    int TeamCount,
    double SumPChampion,
    double SumExpectedPoints,
    IReadOnlyList<AdvancementTeamRow> Teams);

/// <summary>
/// One team: <see cref="PRound"/>[r−1] = P(progress ≥ r) for r = 1..7 (r = 1 is the bye / First Four
/// level, r = 7 the title), and expected points under the run's scoring rules.
/// </summary>
public sealed record AdvancementTeamRow(
    string TeamId,
    string Name,
    int Seed,
    string Region,
    IReadOnlyList<double> PRound,
    double PChampion,
    double ExpectedPoints);
