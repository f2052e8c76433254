using LabSandbox.Grains.Artifacts;

namespace LabSandbox.Grains.Tests.Retention;

/// <summary><see cref="LocalFolderArtifactStore.DeleteAsync"/>: idempotent, and only inside the store.</summary>
public sealed class LocalFolderArtifactStoreDeleteTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"labsandbox-store-delete-{Guid.NewGuid():N}");

    [Fact]
    public async Task Deleting_twice_deletes_once_and_removes_the_artifact_folder()
    {
        var store = new LocalFolderArtifactStore(_root);
        var uri = await store.PutAsync("art-1", "data.jsonl", "{}\n"u8.ToArray());
        var path = new Uri(uri).LocalPath;

        Assert.True(await store.DeleteAsync(uri));
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.False(await store.DeleteAsync(uri));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(uri));
    }

    [Fact]
    public async Task A_file_already_gone_is_not_an_error_and_nothing_outside_the_store_is_deleted()
    {
        var store = new LocalFolderArtifactStore(_root);
        var uri = await store.PutAsync("art-2", "data.jsonl", "{}\n"u8.ToArray());
        File.Delete(new Uri(uri).LocalPath);
        Assert.False(await store.DeleteAsync(uri));

        var outside = Path.Combine(Path.GetTempPath(), $"labsandbox-store-outside-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(outside, "keep");
        try
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync(new Uri(outside).AbsoluteUri));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync(new Uri(Path.Combine(_root, "..", Path.GetFileName(outside))).AbsoluteUri));
            Assert.True(File.Exists(outside));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
