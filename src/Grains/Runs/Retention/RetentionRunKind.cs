using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.Retention;

/// <summary>The <c>retention</c> run kind registers itself: its planner (validation and pinning) and its handler. Idempotent, so API and silo may share a container.</summary>
public static class RetentionRunKind
{
    public static IServiceCollection AddRetentionRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, RetentionRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, RetentionRunHandler>());
        return services;
    }
}
