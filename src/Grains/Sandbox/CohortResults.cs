namespace LabSandbox.Grains.Sandbox;

/// <summary>
/// The focus candidate's result in one member's run. Money is integer cents (INV-1): the exact payout total
/// over the run's simulations, and the expected payout rounded to the cent.
/// </summary>
/// <param name="RankPercentile">Share of the other entries in the field (0–100) whose expected payout is below the focus candidate's.</param>
public sealed record CohortFocusResult(
    string CandidateId,
    long PayoutCentsTotal,
    long Simulations,
    long ExpectedPayoutCents,
    double MeanNormalizedPayout,
    double PFirst,
    double PInTheMoney,
    double RankPercentile,
    int FieldEntries);

/// <summary>One member of a cohort simulation: its pinned run and, once it succeeded and has a focus candidate, the focus result.</summary>
public sealed record CohortMemberResult(
    string SyntheticCalcuttaId,
    string Digest,
    string RunId,
    string Status,
    string? MetricsArtifactId,
    CohortFocusResult? Focus);

/// <summary>The mean over the members with a focus result (each member one year), weighting years equally.</summary>
public sealed record CohortMeanResult(
    int Members,
    long ExpectedPayoutCents,
    double MeanNormalizedPayout,
    double PFirst,
    double PInTheMoney,
    double RankPercentile);

/// <summary>A cohort simulation's aggregate; <see cref="Complete"/> once every member's run succeeded.</summary>
public sealed record CohortResults(
    string CohortId,
    string SimulationId,
    int Sequence,
    bool Complete,
    IReadOnlyList<CohortMemberResult> Members,
    CohortMeanResult? Mean);
