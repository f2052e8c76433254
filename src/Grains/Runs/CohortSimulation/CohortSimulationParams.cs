using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>A <c>cohort_simulation</c> run's params: the cohort, its settings, and each member's version when it was requested.</summary>
public sealed record CohortSimulationParams(string CohortId, CohortSettings Settings, IReadOnlyList<CohortPinnedMember> Members)
{
    /// <summary>Names how a cohort simulation plans its child runs; a change to that changes every cohort simulation's spec.</summary>
    public const string Version = "cohort-simulation-v1";
}

/// <summary>A member of the cohort at the version (content digest) its simulation run must pin.</summary>
public sealed record CohortPinnedMember(string SyntheticCalcuttaId, string Digest);
