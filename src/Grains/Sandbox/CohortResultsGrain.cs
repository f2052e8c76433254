using LabSandbox.Grains.Interfaces.Sandbox;
using Orleans.Concurrency;

namespace LabSandbox.Grains.Sandbox;

/// <summary>Serves <see cref="CohortResultsReader"/>: reads only, so any activation on any silo answers.</summary>
[StatelessWorker]
public sealed class CohortResultsGrain : Grain, ICohortResultsGrain
{
    public Task<CohortResults?> GetAsync(string cohortId, string simulationId) =>
        CohortResultsReader.ReadAsync(GrainFactory, cohortId, simulationId);

    public async Task<IReadOnlyList<CohortResults>?> ListAsync(string cohortId)
    {
        var cohort = await GrainFactory.GetGrain<ICohortGrain>(cohortId).GetAsync();
        if (cohort is null)
        {
            return null;
        }

        var results = new List<CohortResults>();
        foreach (var simulation in cohort.Simulations.OrderBy(s => s.Sequence))
        {
            results.Add((await CohortResultsReader.ReadAsync(GrainFactory, cohortId, simulation.SimulationId))!);
        }

        return results;
    }
}
