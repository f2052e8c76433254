using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>The <c>field_fit</c> run kind registers itself: its planner and its handler. Idempotent, so API and silo may share a container.</summary>
public static class FieldFitRunKind
{
    public static IServiceCollection AddFieldFitRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, FieldFitRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, FieldFitRunHandler>());
        return services;
    }
}
