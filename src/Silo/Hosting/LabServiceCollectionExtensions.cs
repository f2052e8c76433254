using LabSandbox.Grains;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LabSandbox.Silo.Hosting;

public static class LabServiceCollectionExtensions
{
    /// <summary>The application services grains depend on. Time is injected so tests can fake it.</summary>
    public static IServiceCollection AddLabSandboxServices(this IServiceCollection services, LabSandboxOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IArtifactStore>(new LocalFolderArtifactStore(options.ArtifactRoot));
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options.Runs));
        services.AddRunKinds();
        return services;
    }
}
