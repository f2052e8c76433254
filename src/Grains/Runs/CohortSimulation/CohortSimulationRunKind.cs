using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>
/// The <c>cohort_simulation</c> run kind registers itself: its planner (the cohort, pinned to its members' digests) and
/// its handler, with the spec-derived run helper the handler creates child runs through. Idempotent, so API and silo may share a container.
/// </summary>
public static class CohortSimulationRunKind
{
    public static IServiceCollection AddCohortSimulationRunKind(this IServiceCollection services)
    {
        services.TryAddSingleton<SpecDerivedRuns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, CohortSimulationRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, CohortSimulationRunHandler>());
        return services;
    }
}
