using LabSandbox.Grains.Common;
using LabSandbox.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>The test storage itself: registered under the product's provider name, and honouring etags.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerGrainStorageTests(ClusterFixture fixture)
{
    public sealed class Payload
    {
        public List<string> Items { get; set; } = [];
    }

    [Fact]
    public void Every_silo_resolves_the_lab_storage_name_to_the_counting_storage()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var services = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress);
            Assert.IsType<LedgerGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(LabStorage.Name));
        }
    }

    [Fact]
    public async Task Stale_etags_are_refused_and_payloads_are_copies()
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();
        var ledger = new StorageLedger();
        var storage = new LedgerGrainStorage(serializer, ledger);
        var id = GrainId.Create("test", "storage-1");

        var first = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync("payload", id, first);
        Assert.False(first.RecordExists);
        var second = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync("payload", id, second);

        first.State!.Items.Add("a");
        await storage.WriteStateAsync("payload", id, first);
        Assert.True(first.RecordExists);
        second.State!.Items.Add("b");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("payload", id, second));

        var reread = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync("payload", id, reread);
        Assert.Equal(["a"], reread.State!.Items);
        Assert.NotSame(first.State, reread.State);
        Assert.Equal(first.ETag, reread.ETag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("payload", id, second));
        await storage.ClearStateAsync("payload", id, reread);
        Assert.False(reread.RecordExists);
        Assert.Equal(1, ledger.Snapshot().Writes("payload"));
        Assert.Equal(1, ledger.Snapshot().TotalClears);
    }
}
