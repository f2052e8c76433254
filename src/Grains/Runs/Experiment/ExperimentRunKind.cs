using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>The <c>experiment</c> run kind registers itself: its handler (its runs are planned by the code that starts them). Idempotent, so API and silo may share a container.</summary>
public static class ExperimentRunKind
{
    public static IServiceCollection AddExperimentRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, ExperimentRunHandler>());
        return services;
    }
}
