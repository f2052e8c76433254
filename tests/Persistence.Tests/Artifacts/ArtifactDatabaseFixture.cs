using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Artifacts;
using Npgsql;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>One migrated database and a PostgreSQL artifact store on it, shared by a test class (tests use their own artifact ids).</summary>
public sealed class ArtifactDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private NpgsqlDataSource? dataSource;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    public const string ServiceId = "artifacts-test";

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not initialized.");

    public PostgresArtifactStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("artifacts");
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Store = new PostgresArtifactStore(dataSource, ServiceId);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>An artifact id no other test uses.</summary>
    public static string NewId() => $"art-{Guid.NewGuid():N}"[..28];

    public Task<long> ContentRowsAsync(string sha256) =>
        Database.ScalarAsync<long>($"SELECT count(*) FROM {PostgresArtifactStore.ContentTable} WHERE sha256 = @sha", ("sha", sha256));

    public Task<long> RefRowsAsync(string sha256) =>
        Database.ScalarAsync<long>($"SELECT count(*) FROM {PostgresArtifactStore.RefTable} WHERE sha256 = @sha", ("sha", sha256));

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
