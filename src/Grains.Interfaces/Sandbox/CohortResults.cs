namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>
/// The focus candidate's result in one member's run. Money is integer cents (INV-1): the exact payout total
/// over the run's simulations, and the expected payout rounded to the cent.
/// </summary>
/// <param name="RankPercentile">Share of the other entries in the field (0–100) whose expected payout is below the focus candidate's.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortFocusResult")]
public sealed record CohortFocusResult(
    [property: Id(0)] string CandidateId,
    [property: Id(1)] long PayoutCentsTotal,
    [property: Id(2)] long Simulations,
    [property: Id(3)] long ExpectedPayoutCents,
    [property: Id(4)] double MeanNormalizedPayout,
    [property: Id(5)] double PFirst,
    [property: Id(6)] double PInTheMoney,
    [property: Id(7)] double RankPercentile,
    [property: Id(8)] int FieldEntries);

/// <summary>One member of a cohort simulation: its pinned run and, once it succeeded and has a focus candidate, the focus result.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortMemberResult")]
public sealed record CohortMemberResult(
    [property: Id(0)] string SyntheticCalcuttaId,
    [property: Id(1)] string Digest,
    [property: Id(2)] string RunId,
    [property: Id(3)] string Status,
    [property: Id(4)] string? MetricsArtifactId,
    [property: Id(5)] CohortFocusResult? Focus);

/// <summary>The mean over the members with a focus result (each member one year), weighting years equally.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortMeanResult")]
public sealed record CohortMeanResult(
    [property: Id(0)] int Members,
    [property: Id(1)] long ExpectedPayoutCents,
    [property: Id(2)] double MeanNormalizedPayout,
    [property: Id(3)] double PFirst,
    [property: Id(4)] double PInTheMoney,
    [property: Id(5)] double RankPercentile);

/// <summary>A cohort simulation's aggregate; <see cref="Complete"/> once every member's run succeeded.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortResults")]
public sealed record CohortResults(
    [property: Id(0)] string CohortId,
    [property: Id(1)] string SimulationId,
    [property: Id(2)] int Sequence,
    [property: Id(3)] bool Complete,
    [property: Id(4)] IReadOnlyList<CohortMemberResult> Members,
    [property: Id(5)] CohortMeanResult? Mean);
