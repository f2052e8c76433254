namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>
/// Reads a cohort's simulation results from its member runs' metrics (the focus candidate per member and their
/// mean). Stateless and read-only, so any silo answers and the cohort grain stays free for commands.
/// </summary>
[Alias("LabSandbox.ICohortResultsGrain")]
public interface ICohortResultsGrain : IGrainWithIntegerKey
{
    /// <summary>One simulation's results; null when the cohort or the simulation does not exist.</summary>
    [ReadOnly, Alias("Get")]
    Task<CohortResults?> GetAsync(string cohortId, string simulationId);

    /// <summary>Every simulation's results, in the order they were started; null when the cohort does not exist.</summary>
    [ReadOnly, Alias("List")]
    Task<IReadOnlyList<CohortResults>?> ListAsync(string cohortId);
}
