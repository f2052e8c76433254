using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using Npgsql;

namespace LabSandbox.Silo.Artifacts;

/// <summary>Which store holds new heavy artifact bytes (<c>LabSandbox:ArtifactStore</c>).</summary>
public enum ArtifactStoreKind
{
    /// <summary>A local folder (<c>LabSandbox:ArtifactRoot</c>): the embedded default; silos on one machine can share it.</summary>
    Folder,

    /// <summary>PostgreSQL (<c>ConnectionStrings:LabSandbox</c>): any silo and the API read what any silo wrote.</summary>
    Postgres,
}

/// <summary>
/// Chooses and builds the artifact store from configuration. <c>auto</c> (the default) is PostgreSQL when a connection
/// string is set and the folder otherwise, so a cluster whose silos share no disk (Kubernetes pods) works without
/// extra settings. Whatever writes, URIs of the other store stay readable and deletable (the folder always; PostgreSQL
/// whenever a connection string is set), through <see cref="CompositeArtifactStore"/>.
/// </summary>
public static class ArtifactStoreSetup
{
    public static ArtifactStoreKind Resolve(string? configured, string? connectionString)
    {
        var hasDatabase = !string.IsNullOrWhiteSpace(connectionString);
        switch (configured?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                return hasDatabase ? ArtifactStoreKind.Postgres : ArtifactStoreKind.Folder;
            case "folder":
                return ArtifactStoreKind.Folder;
            case "postgres" or "postgresql":
                return hasDatabase
                    ? ArtifactStoreKind.Postgres
                    : throw new InvalidOperationException("LabSandbox:ArtifactStore is 'postgres' but ConnectionStrings:LabSandbox is not set.");
            default:
                throw new InvalidOperationException($"LabSandbox:ArtifactStore '{configured}' is not one of: auto, folder, postgres.");
        }
    }

    /// <summary>The store to register; <paramref name="dataSource"/> is set when a connection string is (the caller owns it).</summary>
    /// <param name="serviceId">Scopes PostgreSQL references as grain state is scoped (<c>LabSandbox:ServiceId</c>).</param>
    public static IArtifactStore Create(ArtifactStoreKind kind, string artifactRoot, string serviceId, NpgsqlDataSource? dataSource)
    {
        var folder = new LocalFolderArtifactStore(artifactRoot);
        if (dataSource is null)
        {
            return kind == ArtifactStoreKind.Postgres
                ? throw new InvalidOperationException("The PostgreSQL artifact store needs ConnectionStrings:LabSandbox.")
                : folder;
        }

        var postgres = new PostgresArtifactStore(dataSource, serviceId);
        var readers = new Dictionary<string, IArtifactStore>(StringComparer.OrdinalIgnoreCase)
        {
            ["file:"] = folder,
            [PostgresArtifactUri.Scheme] = postgres,
        };
        return new CompositeArtifactStore(kind == ArtifactStoreKind.Postgres ? postgres : folder, readers);
    }
}

/// <summary>The artifact store's own connection pool, a DI singleton so the container disposes it at shutdown.</summary>
public sealed class ArtifactStoreDatabase(string connectionString) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
