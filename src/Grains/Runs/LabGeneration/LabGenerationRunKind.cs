using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.LabGeneration;

/// <summary>
/// The <c>lab_generation</c> run kind registers itself: its planner (the Lab config, pinned to the real pools) and its
/// handler, with the spec-derived run helper the handler creates child runs through. Idempotent, so API and silo may share a container.
/// </summary>
public static class LabGenerationRunKind
{
    public static IServiceCollection AddLabGenerationRunKind(this IServiceCollection services)
    {
        services.TryAddSingleton<SpecDerivedRuns>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, LabGenerationRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, LabGenerationRunHandler>());
        return services;
    }
}
