using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Silo.Artifacts;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>
/// Choosing the store (<c>LabSandbox:ArtifactStore</c>) and switching it: PostgreSQL by default once a connection
/// string is set, the folder otherwise; bytes written under the other store's URIs stay readable and deletable.
/// </summary>
public sealed class ArtifactStoreSwitchTests(ArtifactDatabaseFixture fixture) : IClassFixture<ArtifactDatabaseFixture>, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("labsandbox-switch-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData(null, null, ArtifactStoreKind.Folder)]
    [InlineData("auto", null, ArtifactStoreKind.Folder)]
    [InlineData(null, "Host=db", ArtifactStoreKind.Postgres)]
    [InlineData("AUTO", "Host=db", ArtifactStoreKind.Postgres)]
    [InlineData("folder", "Host=db", ArtifactStoreKind.Folder)]
    [InlineData("postgres", "Host=db", ArtifactStoreKind.Postgres)]
    public void Auto_is_postgres_with_a_connection_string_and_the_folder_without(string? configured, string? connectionString, ArtifactStoreKind expected) =>
        Assert.Equal(expected, ArtifactStoreSetup.Resolve(configured, connectionString));

    [Theory]
    [InlineData("postgres", null)]
    [InlineData("s3", "Host=db")]
    public void A_setting_that_cannot_work_fails_at_start(string configured, string? connectionString) =>
        Assert.Throws<InvalidOperationException>(() => ArtifactStoreSetup.Resolve(configured, connectionString));

    [Fact]
    public async Task After_a_switch_to_postgres_file_uris_written_before_are_still_read_and_deleted()
    {
        var before = await new LocalFolderArtifactStore(_root.FullName).PutAsync("art-old", "old.jsonl", "{\"old\":1}\n"u8.ToArray());
        var store = ArtifactStoreSetup.Create(ArtifactStoreKind.Postgres, _root.FullName, ArtifactDatabaseFixture.ServiceId, fixture.DataSource);

        var after = await store.PutAsync(ArtifactDatabaseFixture.NewId(), "new.jsonl", "{\"new\":1}\n"u8.ToArray());

        Assert.StartsWith("file:", before);
        Assert.StartsWith(PostgresArtifactUri.Scheme, after);
        Assert.Equal("{\"old\":1}\n"u8.ToArray(), await ArtifactDatabaseFixture.ReadAllAsync(await store.OpenReadAsync(before)));
        Assert.Equal("{\"new\":1}\n"u8.ToArray(), await ArtifactDatabaseFixture.ReadAllAsync(await store.OpenReadAsync(after)));
        Assert.True(await store.DeleteAsync(before));
        Assert.False(File.Exists(new Uri(before).LocalPath));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(before));
        Assert.True(await store.DeleteAsync(after));
    }

    [Fact]
    public async Task Back_on_the_folder_postgres_uris_are_still_read_and_unknown_schemes_are_refused()
    {
        var postgresUri = await fixture.Store.PutAsync(ArtifactDatabaseFixture.NewId(), "p.jsonl", "{}\n"u8.ToArray());
        var store = ArtifactStoreSetup.Create(ArtifactStoreKind.Folder, _root.FullName, ArtifactDatabaseFixture.ServiceId, fixture.DataSource);

        Assert.StartsWith("file:", await store.PutAsync("art-f", "f.jsonl", "{}\n"u8.ToArray()));
        Assert.Equal("{}\n"u8.ToArray(), await ArtifactDatabaseFixture.ReadAllAsync(await store.OpenReadAsync(postgresUri)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.OpenReadAsync("s3://bucket/a/b"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync("no-scheme"));
    }

    [Fact]
    public async Task The_host_registration_picks_postgres_from_the_connection_string_and_disposes_its_pool()
    {
        var services = new ServiceCollection();
        services.AddLabArtifactStore(new LabSandboxOptions { ArtifactRoot = _root.FullName, ServiceId = ArtifactDatabaseFixture.ServiceId }, fixture.Database.ConnectionString);
        IArtifactStore store;
        await using (var provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<IArtifactStore>();
            var uri = await store.PutAsync(ArtifactDatabaseFixture.NewId(), "h.jsonl", "{}\n"u8.ToArray());
            Assert.StartsWith(PostgresArtifactUri.Scheme, uri);
            Assert.Equal("{}\n"u8.ToArray(), await ArtifactDatabaseFixture.ReadAllAsync(await fixture.Store.OpenReadAsync(uri)));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.PutAsync("art-x", "x.jsonl", "{}"u8.ToArray()));
    }
}
