using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Security;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Keys with authentication required: a new key works in either header, is stored only as its hash, is refused from the
/// very next request once revoked; deleting retention needs an admin.
/// </summary>
public sealed class ApiKeyTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Fact]
    public async Task A_created_key_works_in_either_header_and_the_storage_holds_its_hash_never_the_key()
    {
        var key = await SecurityApi.CreateKeyAsync(fixture.Grains, "created-key", "reader");

        using var bearer = fixture.Factory.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/tournaments")).StatusCode);
        using var header = fixture.Factory.ClientWith(null);
        header.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/api/v1/tournaments")).StatusCode);

        var stored = fixture.Factory.Storage!.LastWritten("apiKeys");
        Assert.NotNull(stored);
        Assert.Contains(ApiKeys.Hash(key), stored);
        Assert.DoesNotContain(key, stored);
        Assert.DoesNotContain(key[(ApiKeys.Prefix.Length + 4)..], stored); // nothing past the hint
        Assert.Contains("created-key", stored);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_the_very_next_request()
    {
        var key = await SecurityApi.CreateKeyAsync(fixture.Grains, "soon-revoked", "analyst");
        using var http = fixture.Factory.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/runs")).StatusCode);

        await SecurityApi.RevokeAsync(fixture.Grains, "soon-revoked");

        await SecurityApi.AssertUnauthorizedAsync(await http.GetAsync("/api/v1/runs"), key, "the next request after revoking");
    }

    [Theory]
    [InlineData("lsk_short")]
    [InlineData("not-a-key-at-all")]
    [InlineData("lsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // the right shape, never issued
    public async Task A_malformed_or_unknown_key_is_a_401_that_does_not_echo_it(string key)
    {
        using var http = fixture.Factory.ClientWith(key);

        await SecurityApi.AssertUnauthorizedAsync(await http.GetAsync("/api/v1/runs"), key, key);
    }

    [Fact]
    public async Task Retention_that_deletes_needs_an_admin_while_a_dry_run_is_an_analysts()
    {
        const string deleting = """{"kind":"retention","olderThanDays":36500,"dryRun":false}""";
        const string dryRun = """{"kind":"retention","olderThanDays":36500,"dryRun":true}""";
        using var analyst = fixture.Factory.ClientWith(fixture.Keys["analyst"]);
        using var admin = fixture.Factory.ClientWith(fixture.Keys["admin"]);

        await SecurityApi.AssertForbiddenAsync(await analyst.PostJsonAsync("/api/v1/runs", deleting), "admin", "analyst, retention dryRun=false");
        Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostJsonAsync("/api/v1/runs", dryRun)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJsonAsync("/api/v1/runs", deleting)).StatusCode);
    }
}
