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
        services.AddLabArtifactStore(options);
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options.Runs));
        services.AddRunKinds();
        return services;
    }

    /// <summary>The artifact store under <see cref="LabSandboxOptions.ArtifactRoot"/>, unless one is registered already.</summary>
    public static IServiceCollection AddLabArtifactStore(this IServiceCollection services, LabSandboxOptions options)
    {
        services.TryAddSingleton<IArtifactStore>(new LocalFolderArtifactStore(options.ArtifactRoot));
        return services;
    }
}
