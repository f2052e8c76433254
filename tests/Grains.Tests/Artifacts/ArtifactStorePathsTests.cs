using LabSandbox.Grains.Artifacts;

namespace LabSandbox.Grains.Tests.Artifacts;

/// <summary>Path traversal: no artifact id, file name or storage URI resolves outside the artifact root.</summary>
public sealed class ArtifactStorePathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"labsandbox-paths-{Guid.NewGuid():N}");

    [Fact]
    public void A_plain_id_and_name_resolve_under_the_root_and_round_trip_through_their_URI()
    {
        var paths = new ArtifactStorePaths(_root + Path.DirectorySeparatorChar);
        var path = paths.ForNew("art-0123", "data.jsonl");
        Assert.Equal(Path.Combine(Path.GetFullPath(_root), "art-0123", "data.jsonl"), path);
        Assert.Equal(path, paths.FromUri(new Uri(path).AbsoluteUri));
    }

    [Theory]
    [InlineData("..", "data.jsonl")]
    [InlineData(".", "data.jsonl")]
    [InlineData("art-1", "..")]
    [InlineData("../outside", "data.jsonl")]
    [InlineData("art-1", "../../etc/passwd")]
    [InlineData("art-1/../..", "x")]
    [InlineData("art\\..\\..", "x")]
    [InlineData("/etc", "passwd")]
    [InlineData("", "data.jsonl")]
    [InlineData("art-1", "")]
    [InlineData("art\0", "x")]
    [InlineData("c:", "x")]
    public void Ids_and_names_that_are_not_one_plain_segment_are_refused(string artifactId, string fileName) =>
        Assert.Throws<ArgumentException>(() => new ArtifactStorePaths(_root).ForNew(artifactId, fileName));

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("{root}/../outside.txt")]
    [InlineData("{root}/art-1/%2e%2e/%2e%2e/outside.txt")]
    [InlineData("{root}/%2E%2E/outside.txt")]
    [InlineData("{root}")]
    [InlineData("{root}-sibling/art-1/data.jsonl")]
    [InlineData("http://example.com/art-1/data.jsonl")]
    [InlineData("file://server/share/art-1/data.jsonl")]
    [InlineData("relative/art-1/data.jsonl")]
    [InlineData("../art-1/data.jsonl")]
    [InlineData("/absolute/path/not/a/uri")]
    [InlineData("")]
    public void Storage_URIs_outside_the_root_or_not_file_URIs_are_refused(string uri)
    {
        var paths = new ArtifactStorePaths(_root);
        var rootUri = new Uri(paths.Root).AbsoluteUri;
        Assert.Throws<UnauthorizedAccessException>(() => paths.FromUri(uri.Replace("{root}", rootUri, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_store_refuses_to_read_write_or_delete_outside_its_root()
    {
        var store = new LocalFolderArtifactStore(_root);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("..", "escaped.txt", "x"u8.ToArray()));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_root))!, "escaped.txt")));
        var outside = new Uri(Path.Combine(Path.GetTempPath(), "labsandbox-not-in-store.txt")).AbsoluteUri;
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.OpenReadAsync(outside));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync(outside));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
