using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>A <c>cohort_simulation</c> run's <c>metrics</c> artifact: the simulation it recorded in the cohort, with each member's run.</summary>
public sealed record CohortSimulationReport(string CohortId, string SimulationId, int Sequence, IReadOnlyList<CohortMemberRun> Runs);
