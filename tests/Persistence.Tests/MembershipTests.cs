using LabSandbox.Persistence.Tests.Grains;
using LabSandbox.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// Membership end to end on our schema: two silos join and go Active, a client finds both gateways,
/// a gracefully stopped silo ends Dead and leaves the active hosts, and the defunct-silo cleanup
/// (the provider's own CleanupDefunctSiloEntries) deletes it once it is past the cutoff.
/// </summary>
public sealed class MembershipTests
{
    [Fact]
    public async Task Two_silos_join_and_a_stopped_one_is_dead_then_cleaned_up()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(MembershipTests));
        var clusterId = $"membership-{Guid.NewGuid():N}";
        var serviceId = $"membership-svc-{Guid.NewGuid():N}";

        // Started together: both run InsertMembershipVersionKey concurrently and must not fail.
        var silos = await Task.WhenAll(
            TestSilo.StartAsync(db.ConnectionString, clusterId, serviceId),
            TestSilo.StartAsync(db.ConnectionString, clusterId, serviceId));
        await using var a = silos[0];
        await using var b = silos[1];
        var table = a.Services.GetRequiredService<IMembershipTable>();
        var management = a.Grains.GetGrain<IManagementGrain>(0);
        var addressA = a.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var addressB = b.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        // 1. Both Active, in the table and in the cluster's own view.
        var joined = await Eventually.WaitAsync(() => table.ReadAllAsync(),
            t => t.Members.Count(m => m.Item1.Status == SiloStatus.Active) == 2, "two Active rows");
        Assert.Equal([addressA, addressB], joined.Members.Select(m => m.Item1.SiloAddress).Order());
        // 10.4.2: every member etag is the table-version etag.
        Assert.All(joined.Members, m => Assert.Equal(joined.Version.VersionEtag, m.Item2));
        Assert.All(joined.Members, m => Assert.True(m.Item1.ProxyPort > 0));
        await Eventually.WaitAsync(() => management.GetHosts(onlyActive: true),
            h => h.Count == 2, "both silos in GetHosts(onlyActive)");

        // 2. A client lists both gateways through GatewaysQueryKey and can call a grain.
        await using (var client = await TestClient.StartAsync(db.ConnectionString, clusterId, serviceId))
        {
            var gateways = await client.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
            Assert.Equal(new[] { a.GatewayPort, b.GatewayPort }.Order(), gateways.Select(g => g.Port).Order());
            await client.Client.GetGrain<IProfileGrain>("membership-client").SaveAsync(new ProfileState { Name = "via gateway" });
        }

        // 3. Graceful stop: B writes itself Dead and drops out of the active hosts.
        await b.StopAsync();
        var afterStop = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Dead, afterStop.Members.Single(m => m.Item1.SiloAddress.Equals(addressB)).Item1.Status);
        await Eventually.WaitAsync(() => management.GetHosts(onlyActive: true),
            h => h.Count == 1 && h.ContainsKey(addressA), "only silo A active");

        // 4. Cleanup: a cutoff before B's start deletes nothing; one past its last heartbeat deletes B
        // only. The live silo's row and the table version are untouched.
        var deadB = afterStop.Members.Single(m => m.Item1.SiloAddress.Equals(addressB)).Item1;
        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(deadB.StartTime, TimeSpan.Zero).AddMinutes(-1));
        Assert.Equal(2, (await table.ReadAllAsync()).Members.Count);

        var versionBefore = (await table.ReadAllAsync()).Version.Version;
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var afterCleanup = await table.ReadAllAsync();
        var remaining = Assert.Single(afterCleanup.Members).Item1;
        Assert.Equal((addressA, SiloStatus.Active), (remaining.SiloAddress, remaining.Status));
        Assert.Equal(versionBefore, afterCleanup.Version.Version);
    }
}
