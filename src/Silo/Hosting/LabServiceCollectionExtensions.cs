using LabSandbox.Grains;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Runs;
using LabSandbox.Silo.Artifacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LabSandbox.Silo.Hosting;

public static class LabServiceCollectionExtensions
{
    /// <summary>The application services grains depend on. Time is injected so tests can fake it.</summary>
    /// <param name="connectionString"><c>ConnectionStrings:LabSandbox</c>, when set: the artifact store may be PostgreSQL.</param>
    public static IServiceCollection AddLabSandboxServices(this IServiceCollection services, LabSandboxOptions options, string? connectionString = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLabArtifactStore(options, connectionString);
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options.Runs));
        services.AddRunKinds();
        return services;
    }

    /// <summary>
    /// The artifact store <see cref="LabSandboxOptions.ArtifactStore"/> selects (PostgreSQL when a connection string is
    /// set, else the folder under <see cref="LabSandboxOptions.ArtifactRoot"/>), unless one is registered already.
    /// </summary>
    public static IServiceCollection AddLabArtifactStore(this IServiceCollection services, LabSandboxOptions options, string? connectionString = null)
    {
        // Resolved now, so a bad setting fails at start rather than at the first artifact.
        var kind = ArtifactStoreSetup.Resolve(options.ArtifactStore, connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IArtifactStore>(ArtifactStoreSetup.Create(kind, options.ArtifactRoot, options.ServiceId, dataSource: null));
            return services;
        }

        services.TryAddSingleton(_ => new ArtifactStoreDatabase(connectionString));
        services.TryAddSingleton<IArtifactStore>(sp =>
            ArtifactStoreSetup.Create(kind, options.ArtifactRoot, options.ServiceId, sp.GetRequiredService<ArtifactStoreDatabase>().DataSource));
        return services;
    }
}
