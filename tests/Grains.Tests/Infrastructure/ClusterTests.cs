using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace LabSandbox.Grains.Tests.Infrastructure;

[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Both_silos_are_active()
    {
        var hosts = await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(2, hosts.Count);
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
    }

    [Fact]
    public void Grain_state_is_stored_as_system_text_json()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var serializer = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IGrainStorageSerializer>();
            Assert.IsType<SystemTextJsonGrainStorageSerializer>(serializer);
        }
    }

    [Fact]
    public async Task Real_data_was_imported_into_the_catalog()
    {
        var catalog = await fixture.Grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();

        var expectedTournaments = Enumerable.Range(2016, 10).Where(y => y != 2020).Select(DatasetIds.Tournament).ToList();
        Assert.Equal(expectedTournaments, catalog.TournamentIds);
        Assert.Equal(8, catalog.CalcuttaIds.Count);
        Assert.All(catalog.CalcuttaIds, id => Assert.Contains(DatasetIds.Tournament(int.Parse(id["calcutta-".Length..])), expectedTournaments));
    }

    [Fact]
    public async Task Real_2025_tournament_has_68_teams_and_a_digest()
    {
        var tournament = await fixture.Grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync();

        Assert.NotNull(tournament);
        Assert.Equal(2025, tournament.Year);
        Assert.Equal(68, tournament.Teams.Count);
        Assert.StartsWith("sha256:", tournament.Digest, StringComparison.Ordinal);
        Assert.Equal(64 + "sha256:".Length, tournament.Digest.Length);
    }

    [Fact]
    public async Task Every_imported_pool_is_readable_with_integer_cent_payouts()
    {
        var catalog = await fixture.Grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync();
        foreach (var id in catalog.CalcuttaIds)
        {
            var pool = await fixture.Grains.GetGrain<ICalcuttaGrain>(id).GetAsync();
            Assert.NotNull(pool);
            Assert.StartsWith("sha256:", pool.Digest, StringComparison.Ordinal);
            Assert.NotEmpty(pool.Entries);
            Assert.NotEmpty(pool.Payouts);
        }
    }
}
