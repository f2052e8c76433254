using LabSandbox.Silo.Artifacts;

namespace LabSandbox.Persistence.Tests.Artifacts;

/// <summary>
/// A storage URI comes back from grain state (a database row): anything but the exact form the store writes is refused
/// before a query runs, by read and delete alike; names that could not round-trip are refused at write.
/// </summary>
public sealed class PostgresArtifactUriTests(ArtifactDatabaseFixture fixture) : IClassFixture<ArtifactDatabaseFixture>
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string> BadUris => new()
    {
        "",
        "file:///etc/passwd",
        "postgresql:artifacts/",
        $"postgresql:artifacts/{Sha}/art-1",
        $"postgresql:artifacts/{Sha}/art-1/f.jsonl/extra",
        $"postgresql:artifacts/{Sha.ToUpperInvariant()}/art-1/f.jsonl",
        $"postgresql:artifacts/{Sha[..63]}/art-1/f.jsonl",
        $"postgresql:artifacts/{Sha}g/art-1/f.jsonl",
        $"POSTGRESQL:artifacts/{Sha}/art-1/f.jsonl",
        $"postgresql://host/artifacts/{Sha}/art-1/f.jsonl",
        $"postgresql:artifacts/{Sha}/../f.jsonl",
        $"postgresql:artifacts/{Sha}/%2e%2e/f.jsonl",
        $"postgresql:artifacts/{Sha}/art-1/..%2Fsecret",
        $"postgresql:artifacts/{Sha}/art-1/a%2fb",
        $"postgresql:artifacts/{Sha}/art-1/f%00.jsonl",
        $"postgresql:artifacts/{Sha}/art-1/f%2Ejsonl",
        $"postgresql:artifacts/{Sha}//f.jsonl",
        $"postgresql:artifacts/{Sha}/art-1/f.jsonl?x=1",
        $" postgresql:artifacts/{Sha}/art-1/f.jsonl",
        $"postgresql:artifacts/{Sha}/{new string('a', PostgresArtifactUri.MaxNameLength + 1)}/f.jsonl",
    };

    [Theory]
    [MemberData(nameof(BadUris))]
    public async Task Read_and_delete_refuse_a_uri_that_is_not_exactly_the_stores_form(string uri)
    {
        Assert.False(PostgresArtifactUri.TryParse(uri, out _));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Store.OpenReadAsync(uri));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Store.DeleteAsync(uri));
    }

    [Theory]
    [InlineData("", "f.jsonl")]
    [InlineData("..", "f.jsonl")]
    [InlineData("art-1", ".")]
    [InlineData("art/1", "f.jsonl")]
    [InlineData("art-1", "a\\b")]
    [InlineData("art-1", "c:d")]
    [InlineData("art-1", "f\u0001")]
    public async Task Put_refuses_names_that_are_not_one_plain_segment(string artifactId, string fileName) =>
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Store.PutAsync(artifactId, fileName, "{}"u8.ToArray()));

    [Fact]
    public void Names_with_reserved_characters_round_trip_percent_encoded()
    {
        var uri = new PostgresArtifactUri(Sha, "art 1", "résumé #1.jsonl");
        Assert.Equal($"postgresql:artifacts/{Sha}/art%201/r%C3%A9sum%C3%A9%20%231.jsonl", uri.ToString());
        Assert.Equal(uri, PostgresArtifactUri.Parse(uri.ToString()));
    }
}
