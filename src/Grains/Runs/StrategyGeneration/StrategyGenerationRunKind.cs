using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.StrategyGeneration;

/// <summary>The <c>strategy_generation</c> run kind registers itself: its planner (validation and pinning) and its handler. Idempotent, so API and silo may share a container.</summary>
public static class StrategyGenerationRunKind
{
    public static IServiceCollection AddStrategyGenerationRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, StrategyGenerationRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, StrategyGenerationRunHandler>());
        return services;
    }
}
