using System.Security.Cryptography;
using System.Text;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Artifacts;
using Npgsql;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>
/// The PostgreSQL artifact store against a real server: bytes round-trip exactly, identical bytes are stored once,
/// deleting one artifact's reference never takes bytes another still references, deletes are idempotent, and a missing
/// schema says to run <c>migrate</c>.
/// </summary>
public sealed class PostgresArtifactStoreTests(ArtifactDatabaseFixture fixture) : IClassFixture<ArtifactDatabaseFixture>
{
    private readonly PostgresArtifactStore _store = fixture.Store;

    [Fact]
    public async Task Bytes_round_trip_under_a_uri_that_names_their_sha256()
    {
        var id = ArtifactDatabaseFixture.NewId();
        var content = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}\n{{\"n\":2}}\n");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        var uri = await _store.PutAsync(id, "results.jsonl", content);

        Assert.Equal($"postgresql:artifacts/{sha256}/{id}/results.jsonl", uri);
        var read = await ArtifactDatabaseFixture.ReadAllAsync(await _store.OpenReadAsync(uri));
        Assert.Equal(content, read);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(read)));
        Assert.Equal((long)content.Length, await fixture.Database.ScalarAsync<long>(
            $"SELECT size_bytes FROM {PostgresArtifactStore.ContentTable} WHERE sha256 = @sha", ("sha", sha256)));
    }

    [Fact]
    public async Task Empty_content_round_trips()
    {
        var uri = await _store.PutAsync(ArtifactDatabaseFixture.NewId(), "empty.jsonl", ReadOnlyMemory<byte>.Empty);
        Assert.Empty(await ArtifactDatabaseFixture.ReadAllAsync(await _store.OpenReadAsync(uri)));
    }

    [Fact]
    public async Task The_same_bytes_twice_are_stored_once_and_deleting_one_reference_keeps_the_others_bytes()
    {
        var content = RandomNumberGenerator.GetBytes(10_000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var firstId = ArtifactDatabaseFixture.NewId();
        var first = await _store.PutAsync(firstId, "a.parquet", content);
        var second = await _store.PutAsync(ArtifactDatabaseFixture.NewId(), "a.parquet", content);
        Assert.Equal(first, await _store.PutAsync(firstId, "a.parquet", content)); // a retried write changes nothing

        Assert.NotEqual(first, second);
        Assert.Equal(1, await fixture.ContentRowsAsync(sha256));
        Assert.Equal(2, await fixture.RefRowsAsync(sha256));

        Assert.True(await _store.DeleteAsync(first));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(first));
        Assert.Equal(content, await ArtifactDatabaseFixture.ReadAllAsync(await _store.OpenReadAsync(second)));
        Assert.Equal(1, await fixture.ContentRowsAsync(sha256));

        Assert.True(await _store.DeleteAsync(second));
        Assert.Equal(0, await fixture.ContentRowsAsync(sha256));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(second));
    }

    [Fact]
    public async Task Services_sharing_a_database_share_content_but_never_each_others_references()
    {
        // Artifact ids derive from run specs, so another service writes the very same id and file name.
        var other = new PostgresArtifactStore(fixture.DataSource, "artifacts-test-other");
        var id = ArtifactDatabaseFixture.NewId();
        var content = RandomNumberGenerator.GetBytes(1000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var mine = await _store.PutAsync(id, "s.jsonl", content);
        var theirs = await other.PutAsync(id, "s.jsonl", content);
        Assert.Equal(mine, theirs);
        Assert.Equal(1, await fixture.ContentRowsAsync(sha256));
        Assert.Equal(2, await fixture.RefRowsAsync(sha256));

        Assert.True(await _store.DeleteAsync(mine)); // this service's retention
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(mine));
        Assert.Equal(content, await ArtifactDatabaseFixture.ReadAllAsync(await other.OpenReadAsync(theirs)));
        Assert.True(await other.DeleteAsync(theirs));
        Assert.Equal(0, await fixture.ContentRowsAsync(sha256));
    }

    [Fact]
    public async Task Delete_is_idempotent()
    {
        var uri = await _store.PutAsync(ArtifactDatabaseFixture.NewId(), "x.jsonl", "{}\n"u8.ToArray());
        Assert.True(await _store.DeleteAsync(uri));
        Assert.False(await _store.DeleteAsync(uri));
        Assert.False(await _store.DeleteAsync(uri));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(uri));
    }

    [Fact]
    public async Task Rewriting_a_file_with_other_bytes_moves_its_reference_and_drops_the_old_content()
    {
        var id = ArtifactDatabaseFixture.NewId();
        var old = RandomNumberGenerator.GetBytes(100);
        var oldUri = await _store.PutAsync(id, "f.jsonl", old);
        var newUri = await _store.PutAsync(id, "f.jsonl", RandomNumberGenerator.GetBytes(100));

        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(oldUri));
        Assert.Equal(0, await fixture.ContentRowsAsync(PostgresArtifactUri.Parse(oldUri).Sha256));
        Assert.Equal(100, (await ArtifactDatabaseFixture.ReadAllAsync(await _store.OpenReadAsync(newUri))).Length);
    }

    [Fact]
    public async Task A_uri_whose_sha256_is_not_the_references_is_not_found()
    {
        var id = ArtifactDatabaseFixture.NewId();
        var uri = await _store.PutAsync(id, "r.jsonl", "{}\n"u8.ToArray());
        var other = new PostgresArtifactUri(new string('a', 64), id, "r.jsonl").ToString();

        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(other));
        Assert.False(await _store.DeleteAsync(other));
        Assert.Equal("{}\n"u8.ToArray(), await ArtifactDatabaseFixture.ReadAllAsync(await _store.OpenReadAsync(uri)));
    }

    [Fact]
    public async Task Without_the_schema_every_operation_says_to_run_migrate()
    {
        await using var bare = await TestDatabase.CreateAsync("artifacts_nomigrate", migrate: false);
        await using var dataSource = NpgsqlDataSource.Create(bare.ConnectionString);
        var store = new PostgresArtifactStore(dataSource, ArtifactDatabaseFixture.ServiceId);
        var uri = new PostgresArtifactUri(new string('0', 64), "art-1", "f.jsonl").ToString();

        var errors = new[]
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.PutAsync("art-1", "f.jsonl", "{}"u8.ToArray())),
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.OpenReadAsync(uri)),
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.DeleteAsync(uri)),
        };
        Assert.All(errors, e =>
        {
            Assert.Contains(PostgresArtifactStore.ContentTable, e.Message);
            Assert.Contains("migrate", e.Message);
            Assert.IsType<PostgresException>(e.InnerException);
        });
    }
}
