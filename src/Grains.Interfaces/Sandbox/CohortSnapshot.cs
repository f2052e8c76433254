namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>
/// Simulation settings every member of a cohort shares. <see cref="ExcludedEntryPolicy"/>: <c>member</c>
/// (each member's own excluded entry) or <c>none</c> (nobody excluded).
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortSettings")]
public sealed record CohortSettings(
    [property: Id(0)] long NSims,
    [property: Id(1)] long Seed,
    [property: Id(2)] string StartingState,
    [property: Id(3)] string ExcludedEntryPolicy,
    [property: Id(4)] double Sigma)
{
    public const string MemberPolicy = "member";
    public const string NoExclusionPolicy = "none";
}

/// <summary>One member's pinned simulation run within a cohort simulation.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortMemberRun")]
public sealed record CohortMemberRun(
    [property: Id(0)] string SyntheticCalcuttaId,
    [property: Id(1)] string Digest,
    [property: Id(2)] string RunId);

/// <summary>One start of the cohort's simulations: a run per member, each pinned to the member's digest at that moment.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortSimulation")]
public sealed record CohortSimulation(
    [property: Id(0)] string SimulationId,
    [property: Id(1)] int Sequence,
    [property: Id(2)] IReadOnlyList<CohortMemberRun> Runs);

/// <summary>A named group of synthetic calcuttas with shared settings, and the simulations started for it.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.CohortSnapshot")]
public sealed record CohortSnapshot(
    [property: Id(0)] string CohortId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Members,
    [property: Id(3)] CohortSettings Settings,
    [property: Id(4)] IReadOnlyList<CohortSimulation> Simulations);
