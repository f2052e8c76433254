using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>The <c>simulation</c> run kind registers itself: its planner (validation and pinning) and its handler. Idempotent, so API and silo may share a container.</summary>
public static class SimulationRunKind
{
    public static IServiceCollection AddSimulationRunKind(this IServiceCollection services)
    {
        services.TryAddSingleton<SimulationModelCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, SimulationRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, SimulationRunHandler>());
        return services;
    }
}
