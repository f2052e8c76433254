using System.Text.Json;
using LabSandbox.Persistence.Tests.Grains;
using LabSandbox.Persistence.Tests.Infrastructure;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// Grain state written through ADO.NET storage survives stopping every silo: a brand-new cluster on
/// the same database reads it back unchanged. The silos are configured exactly as production
/// (<c>UseLabSandbox</c> from <c>ConnectionStrings:LabSandbox</c>).
/// </summary>
public sealed class ClusterRestartTests
{
    [Fact]
    public async Task State_survives_a_full_cluster_restart()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(ClusterRestartTests));
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var serviceId = $"restart-svc-{Guid.NewGuid():N}";
        var artifacts = Directory.CreateTempSubdirectory("labsandbox-restart-");
        try
        {
            var written = Enumerable.Range(1, 6).ToDictionary(
                i => $"restart-grain-{i}",
                i => new ProfileState
                {
                    Name = $"player {i} – ünïcode ✓",
                    Visits = i * 11,
                    Tags = [.. Enumerable.Range(0, i).Select(t => $"t{t}")],
                    LastSeen = new DateTimeOffset(2025, 3, i, 12, 30, 15, TimeSpan.FromHours(i % 3)),
                });

            // Cluster 1: two silos; random placement spreads the writers over both.
            var first = await Task.WhenAll(
                TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName),
                TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName));
            foreach (var (key, state) in written)
            {
                var grain = first[0].Grains.GetGrain<IProfileGrain>(key);
                await grain.SaveAsync(state);
                Assert.Equal("1", await grain.GetETagAsync());
            }

            // Every silo goes: nothing of cluster 1 remains in memory. One after the other: stopped
            // together, the last one spends ~3.5 s in its membership agent's shutdown stage trying to
            // reach the other (≈0.3 s in sequence). Each still writes itself Dead in the table.
            foreach (var silo in first)
            {
                await silo.DisposeAsync();
            }

            // Cluster 2: a fresh silo on the same database and service.
            await using var second = await TestSilo.StartLabSandboxAsync(db.ConnectionString, clusterId, serviceId, artifacts.FullName);
            foreach (var (key, state) in written)
            {
                var grain = second.Grains.GetGrain<IProfileGrain>(key);
                Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(await grain.GetAsync()));
                Assert.Equal("1", await grain.GetETagAsync());
            }

            Assert.Equal((long)written.Count, await db.ScalarAsync<long>(
                "SELECT count(*) FROM orleans_storage WHERE service_id = @service AND grain_type_string = 'profile' AND payload IS NOT NULL",
                ("service", serviceId)));
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
