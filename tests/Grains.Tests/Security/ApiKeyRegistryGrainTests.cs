using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Security;

/// <summary>
/// The key registry: what it accepts (a name of the grammar, a known role, a SHA-256), one active key per name and one
/// key per hash, revocation (then the name may be used again), and lookups that see only active keys.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiKeyRegistryGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("", "reader", "A key's name is 1–64 characters")]
    [InlineData("Upper", "reader", "A key's name is 1–64 characters")]
    [InlineData("-dash-first", "reader", "A key's name is 1–64 characters")]
    [InlineData("has space", "reader", "A key's name is 1–64 characters")]
    [InlineData("system", "reader", "'system' is reserved")]
    [InlineData("local", "admin", "'local' is reserved")]
    [InlineData("ok-name", "root", "A key's role is one of reader, analyst, admin")]
    [InlineData("ok-name", "Admin", "A key's role is one of reader, analyst, admin")]
    public async Task A_bad_name_or_role_is_refused_and_nothing_is_stored(string name, string role, string error)
    {
        var registry = Registry();

        var change = await registry.CreateAsync(name, role, ApiKeys.Hash(ApiKeys.Generate()), "lsk_abcd…", Created);

        Assert.Null(change.Key);
        Assert.Contains(error, change.Error);
        Assert.Empty(await registry.ListAsync());
    }

    [Fact]
    public async Task A_64_character_name_is_the_longest_accepted()
    {
        var registry = Registry();

        Assert.Null((await registry.CreateAsync(new string('a', 64), "reader", ApiKeys.Hash(ApiKeys.Generate()), "lsk_abcd…", Created)).Error);
        Assert.NotNull((await registry.CreateAsync(new string('b', 65), "reader", ApiKeys.Hash(ApiKeys.Generate()), "lsk_abcd…", Created)).Error);
    }

    [Fact]
    public async Task One_active_key_per_name_and_one_key_per_hash_and_a_revoked_name_can_be_reused()
    {
        var registry = Registry();
        var first = ApiKeys.Hash(ApiKeys.Generate());
        var second = ApiKeys.Hash(ApiKeys.Generate());

        var created = await registry.CreateAsync("ci", "analyst", first, "lsk_aaaa…", Created);
        Assert.Equal(new ApiKeyRecord("ci", "analyst", first, "lsk_aaaa…", Created, null), created.Key);
        Assert.Contains("'ci' exists", (await registry.CreateAsync("ci", "reader", second, "lsk_bbbb…", Created)).Error);
        Assert.Contains("hash exists", (await registry.CreateAsync("other", "reader", first, "lsk_aaaa…", Created)).Error);
        Assert.Equal(created.Key, await registry.FindAsync(first));

        var revoked = await registry.RevokeAsync("ci", Created.AddDays(1));
        Assert.Equal(Created.AddDays(1), revoked.Key!.RevokedAt);
        Assert.Null(await registry.FindAsync(first));
        Assert.Contains("No active key is named 'ci'", (await registry.RevokeAsync("ci", Created.AddDays(2))).Error);
        Assert.Contains("hash exists", (await registry.CreateAsync("ci", "reader", first, "lsk_aaaa…", Created)).Error);

        var again = await registry.CreateAsync("ci", "reader", second, "lsk_bbbb…", Created.AddDays(3));
        Assert.Equal(again.Key, await registry.FindAsync(second));
        Assert.Equal(
            [(first, (DateTimeOffset?)Created.AddDays(1)), (second, null)],
            (await registry.ListAsync()).Select(k => (k.Sha256, k.RevokedAt)).ToList());
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public async Task Only_a_lowercase_hex_sha256_is_stored(string sha256)
    {
        var change = await Registry().CreateAsync("ci", "reader", sha256, "lsk_aaaa…", Created);

        Assert.Contains("SHA-256", change.Error);
    }

    /// <summary>A registry of the test's own (the grain key is free; production uses <see cref="IApiKeyRegistryGrain.Key"/>).</summary>
    private IApiKeyRegistryGrain Registry() => fixture.Grains.GetGrain<IApiKeyRegistryGrain>($"keys-test-{Guid.NewGuid():N}");
}
