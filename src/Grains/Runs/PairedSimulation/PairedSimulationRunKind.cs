using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>The <c>paired_simulation</c> run kind registers itself: its handler (its runs are planned by the code that starts them). Idempotent, so API and silo may share a container.</summary>
public static class PairedSimulationRunKind
{
    public static IServiceCollection AddPairedSimulationRunKind(this IServiceCollection services)
    {
        services.TryAddSingleton<SimulationModelCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, PairedSimulationRunHandler>());
        return services;
    }
}
