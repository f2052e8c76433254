using System.Text;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Persistence.Tests.Infrastructure;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// API keys are durable on PostgreSQL: after every silo of the cluster stopped, a brand-new cluster still finds the
/// active key by its hash and still refuses the revoked one; the stored row holds the hash and never the key.
/// </summary>
public sealed class ApiKeysRestartTests
{
    [Fact]
    public async Task Keys_and_revocations_survive_a_full_cluster_restart_and_the_row_holds_no_key()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(ApiKeysRestartTests));
        var clusterId = $"keys-{Guid.NewGuid():N}";
        var serviceId = $"keys-svc-{Guid.NewGuid():N}";
        var artifacts = Directory.CreateTempSubdirectory("labsandbox-keys-");
        var kept = ApiKeys.Generate();
        var revoked = ApiKeys.Generate();
        var createdAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        try
        {
            var first = await Task.WhenAll(
                TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName),
                TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName));
            var registry = first[1].Grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key);
            Assert.Null((await registry.CreateAsync("kept", "analyst", ApiKeys.Hash(kept), ApiKeys.Hint(kept), createdAt)).Error);
            Assert.Null((await registry.CreateAsync("gone", "admin", ApiKeys.Hash(revoked), ApiKeys.Hint(revoked), createdAt)).Error);
            Assert.Null((await registry.RevokeAsync("gone", createdAt.AddHours(1))).Error);
            foreach (var silo in first)
            {
                await silo.DisposeAsync();
            }

            await using var second = await TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName);
            var after = second.Grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key);

            Assert.Equal(new ApiKeyRecord("kept", "analyst", ApiKeys.Hash(kept), ApiKeys.Hint(kept), createdAt, null), await after.FindAsync(ApiKeys.Hash(kept)));
            Assert.Null(await after.FindAsync(ApiKeys.Hash(revoked)));
            Assert.Equal(
                [("gone", (DateTimeOffset?)createdAt.AddHours(1)), ("kept", null)],
                (await after.ListAsync()).Select(k => (k.Name, k.RevokedAt)).ToList());

            var payload = Encoding.UTF8.GetString(await db.ScalarAsync<byte[]>(
                "SELECT payload FROM orleans_storage WHERE service_id = @service AND grain_type_string = 'apiKeys' AND payload IS NOT NULL",
                ("service", serviceId)));
            Assert.Contains(ApiKeys.Hash(kept), payload);
            Assert.DoesNotContain(kept, payload);
            Assert.DoesNotContain(revoked, payload);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
