using System.Security.Cryptography;
using Xunit.Abstractions;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>Alone in its collection: it measures allocations, which other tests running beside it would add to.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArtifactStreamingCollection
{
    public const string Name = "Artifact streaming (not parallel)";
}

/// <summary>
/// A 50 MB artifact is streamed off the wire, not buffered: reading it through a small buffer allocates far less than
/// its size, and the connection the stream owns goes back to the pool when the stream is disposed half-read.
/// </summary>
[Collection(ArtifactStreamingCollection.Name)]
public sealed class PostgresArtifactStreamingTests(ArtifactDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<ArtifactDatabaseFixture>
{
    private const int Size = 50 * 1024 * 1024;

    [Fact]
    public async Task A_50_MB_artifact_is_read_back_streamed_with_its_sha256()
    {
        var content = RandomNumberGenerator.GetBytes(Size);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var uri = await fixture.Store.PutAsync(ArtifactDatabaseFixture.NewId(), "big.parquet", content);
        content = null; // only the digest is kept, so the read below can be measured

        var buffer = new byte[81920];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using (var stream = await fixture.Store.OpenReadAsync(uri))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"read {total} bytes; {allocated} bytes allocated while reading");
        Assert.Equal(Size, total);
        Assert.Equal(sha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
        Assert.True(allocated < Size / 4, $"{allocated} bytes allocated to read {Size}: the value was buffered");
    }

    [Fact]
    public async Task Disposing_a_half_read_stream_releases_its_connection()
    {
        var uri = await fixture.Store.PutAsync(ArtifactDatabaseFixture.NewId(), "half.parquet", RandomNumberGenerator.GetBytes(4 * 1024 * 1024));
        // More opens than a small pool holds: each must have returned its connection.
        for (var i = 0; i < 30; i++)
        {
            await using var stream = await fixture.Store.OpenReadAsync(uri);
            var buffer = new byte[1024];
            Assert.True(await stream.ReadAsync(buffer) > 0);
        }

        var busy = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()");
        Assert.Equal(0, busy);
    }
}
