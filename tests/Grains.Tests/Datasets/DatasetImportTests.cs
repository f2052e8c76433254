using LabSandbox.Grains.Common;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Datasets;

/// <summary>Dataset import is idempotent by content digest: the same snapshot twice writes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DatasetImportTests(ClusterFixture fixture)
{
    private static readonly RealYear Year2025 =
        RealDataReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "real", "2025.json"));

    [Fact]
    public async Task Reimporting_the_real_data_is_unchanged_and_writes_nothing()
    {
        var before = fixture.Storage.Snapshot();

        var tournament = await fixture.Grains.GetGrain<ITournamentGrain>("ncaa-2025").ImportAsync(Year2025.Tournament);
        var pool = await fixture.Grains.GetGrain<ICalcuttaGrain>("calcutta-2025").ImportAsync(Year2025.Calcutta!);
        await fixture.Grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).RegisterAsync(["ncaa-2025"], ["calcutta-2025"]);

        Assert.Equal(ImportOutcome.Unchanged, tournament);
        Assert.Equal(ImportOutcome.Unchanged, pool);
        Assert.Equal(before.TotalWrites, fixture.Storage.Snapshot().TotalWrites);
    }

    [Fact]
    public async Task Import_creates_then_is_unchanged_then_replaces_on_a_new_digest()
    {
        const string Id = "ncaa-test-import-1";
        var grain = fixture.Grains.GetGrain<ITournamentGrain>(Id);
        var original = WithDigest(Year2025.Tournament with { TournamentId = Id });
        var changed = WithDigest(original with { Name = original.Name + " (corrected)" });
        Assert.NotEqual(original.Digest, changed.Digest);

        Assert.Equal(ImportOutcome.Created, await grain.ImportAsync(original));
        Assert.Equal(1, fixture.Storage.WritesOf("tournament", Id));
        Assert.Equal(ImportOutcome.Unchanged, await grain.ImportAsync(original));
        Assert.Equal(1, fixture.Storage.WritesOf("tournament", Id));
        Assert.Equal(ImportOutcome.Replaced, await grain.ImportAsync(changed));
        Assert.Equal(2, fixture.Storage.WritesOf("tournament", Id));

        var stored = await grain.GetAsync();
        Assert.Equal(changed.Digest, stored!.Digest);
        Assert.Equal(changed.Name, stored.Name);
        Assert.Equal(68, stored.Teams.Count);
    }

    [Fact]
    public async Task Snapshot_for_another_id_is_refused()
    {
        var grain = fixture.Grains.GetGrain<ITournamentGrain>("ncaa-test-import-wrong-id");

        await Assert.ThrowsAsync<ArgumentException>(() => grain.ImportAsync(Year2025.Tournament));

        Assert.Null(await grain.GetAsync());
        Assert.Equal(0, fixture.Storage.WritesOf("tournament", "ncaa-test-import-wrong-id"));
    }

    private static TournamentSnapshot WithDigest(TournamentSnapshot snapshot) =>
        snapshot with { Digest = ContentDigest.OfValue(snapshot with { Digest = "" }) };
}
