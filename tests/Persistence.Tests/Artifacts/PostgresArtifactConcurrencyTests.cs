using System.Security.Cryptography;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>
/// Puts and deletes of the same content racing each other (retention on one silo, a run writing identical bytes on
/// another): bytes any reference still points at always remain readable, and the content row goes exactly when its
/// last reference does — including when the last two references are deleted at the same moment.
/// </summary>
public sealed class PostgresArtifactConcurrencyTests(ArtifactDatabaseFixture fixture) : IClassFixture<ArtifactDatabaseFixture>
{
    private const int Width = 8;

    [Fact]
    public async Task Racing_puts_and_deletes_of_one_content_never_lose_referenced_bytes()
    {
        var store = fixture.Store;
        var content = RandomNumberGenerator.GetBytes(256 * 1024);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        for (var round = 0; round < 10; round++)
        {
            var old = await Task.WhenAll(Enumerable.Range(0, Width).Select(i => store.PutAsync(ArtifactDatabaseFixture.NewId(), "d.jsonl", content)));

            // Every old reference deleted while as many new ones are written, all at once.
            var newIds = Enumerable.Range(0, Width).Select(_ => ArtifactDatabaseFixture.NewId()).ToList();
            var deletes = old.Select(uri => Task.Run(() => store.DeleteAsync(uri)));
            var puts = newIds.Select(id => Task.Run(() => store.PutAsync(id, "d.jsonl", content)));
            var fresh = await Task.WhenAll(puts);
            Assert.All(await Task.WhenAll(deletes), Assert.True);

            foreach (var uri in fresh)
            {
                Assert.Equal(content, await ArtifactDatabaseFixture.ReadAllAsync(await store.OpenReadAsync(uri)));
            }

            Assert.Equal(1, await fixture.ContentRowsAsync(sha256));
            Assert.Equal(Width, await fixture.RefRowsAsync(sha256));

            // The last references all deleted at once: nobody may keep the row for somebody else.
            Assert.All(await Task.WhenAll(fresh.Select(uri => Task.Run(() => store.DeleteAsync(uri)))), Assert.True);
            Assert.Equal(0, await fixture.ContentRowsAsync(sha256));
            Assert.Equal(0, await fixture.RefRowsAsync(sha256));
        }
    }
}
