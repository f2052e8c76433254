using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>The <c>advancement</c> run kind registers itself: its planner (validation and pinning) and its handler. Idempotent, so API and silo may share a container.</summary>
public static class AdvancementRunKind
{
    public static IServiceCollection AddAdvancementRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, AdvancementRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, AdvancementRunHandler>());
        return services;
    }
}
