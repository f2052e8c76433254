using LabSandbox.Grains.Common;
using LabSandbox.Persistence.Tests.Grains;
using LabSandbox.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// The "labsandbox" ADO.NET grain storage on our schema, called directly through <see cref="IGrainStorage"/>
/// as a grain's <c>IPersistentState</c> would: ETags, optimistic concurrency, clear, key isolation.
/// </summary>
public sealed class GrainStorageTests(StorageSiloFixture fixture) : IClassFixture<StorageSiloFixture>
{
    private const string StateName = "profile";

    private IGrainStorage Storage => fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(LabStorage.Name);

    [Fact]
    public async Task Missing_state_reads_with_null_etag_and_no_record()
    {
        var state = await ReadAsync(StringKey(nameof(Missing_state_reads_with_null_etag_and_no_record)));

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Name);
    }

    [Fact]
    public async Task First_write_gets_etag_1_and_each_write_adds_one()
    {
        var id = StringKey(nameof(First_write_gets_etag_1_and_each_write_adds_one));
        var state = new GrainState<ProfileState>(new ProfileState { Name = "ada", Visits = 1, Tags = ["a", "b"] });

        await Storage.WriteStateAsync(StateName, id, state);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);

        state.State!.Visits = 2;
        await Storage.WriteStateAsync(StateName, id, state);
        Assert.Equal("2", state.ETag);

        var read = await ReadAsync(id);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(("ada", 2), (read.State!.Name, read.State!.Visits));
        Assert.Equal(["a", "b"], read.State!.Tags);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_rejected()
    {
        var id = StringKey(nameof(Write_with_a_stale_etag_is_rejected));
        await Storage.WriteStateAsync(StateName, id, new GrainState<ProfileState>(new ProfileState { Name = "v1" }));

        // Two activations' views of the same row, both at ETag "1"; the first writer wins.
        var winner = await ReadAsync(id);
        var loser = await ReadAsync(id);
        winner.State!.Name = "winner";
        await Storage.WriteStateAsync(StateName, id, winner);
        Assert.Equal("2", winner.ETag);

        loser.State!.Name = "loser";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, loser));
        // A "first write" (null ETag) over an existing row and a clear with the stale ETag fail too.
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, id, new GrainState<ProfileState>(new ProfileState { Name = "fresh" })));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, loser));

        var read = await ReadAsync(id);
        Assert.Equal(("winner", "2"), (read.State!.Name, read.ETag));
    }

    [Fact]
    public async Task Concurrent_first_writes_insert_exactly_one_row()
    {
        var id = StringKey(nameof(Concurrent_first_writes_insert_exactly_one_row));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Storage.WriteStateAsync(StateName, id, new GrainState<ProfileState>(new ProfileState { Visits = i }));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(ok => ok));
        Assert.Equal("1", (await ReadAsync(id)).ETag);
    }

    [Fact]
    public async Task Clear_keeps_the_etag_moving_and_the_next_write_continues()
    {
        var id = StringKey(nameof(Clear_keeps_the_etag_moving_and_the_next_write_continues));
        var state = new GrainState<ProfileState>(new ProfileState { Name = "to-clear", Visits = 7 });
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);

        var read = await ReadAsync(id);
        Assert.Equal("2", read.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal(("", 0), (read.State!.Name, read.State!.Visits));

        read.State!.Name = "again";
        await Storage.WriteStateAsync(StateName, id, read);
        Assert.Equal("3", read.ETag);
        Assert.True((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Clear_with_DeleteStateOnClear_removes_the_row_and_restarts_at_1()
    {
        var storage = fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.DeletingStorage);
        var id = StringKey(nameof(Clear_with_DeleteStateOnClear_removes_the_row_and_restarts_at_1));
        var state = new GrainState<ProfileState>(new ProfileState { Name = "doomed" });
        await storage.WriteStateAsync(StateName, id, state);
        const string CountRows = "SELECT count(*) FROM orleans_storage WHERE grain_id_ext = @key";
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(CountRows, ("key", id.Key.ToString())));

        await storage.ClearStateAsync(StateName, id, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(CountRows, ("key", id.Key.ToString())));
        var rewritten = new GrainState<ProfileState>(new ProfileState { Name = "reborn" });
        await storage.WriteStateAsync(StateName, id, rewritten);
        Assert.Equal("1", rewritten.ETag);
    }

    [Fact]
    public async Task Keys_state_names_and_key_kinds_do_not_share_rows()
    {
        const string Type = "isolation";
        var ids = new Dictionary<string, (GrainId Id, string StateName)>
        {
            ["string key"] = (GrainId.Create(Type, "isolation-key-42"), StateName),
            ["same string key, other state name"] = (GrainId.Create(Type, "isolation-key-42"), "settings"),
            ["integer key 42"] = (GrainId.Create(GrainType.Create(Type), GrainIdKeyExtensions.CreateIntegerKey(42)), StateName),
            ["integer key 42 + extension"] = (GrainId.Create(GrainType.Create(Type), GrainIdKeyExtensions.CreateIntegerKey(42, "ext")), StateName),
            ["integer key 43"] = (GrainId.Create(GrainType.Create(Type), GrainIdKeyExtensions.CreateIntegerKey(43)), StateName),
            ["guid key"] = (GrainId.Create(GrainType.Create(Type), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"))), StateName),
        };

        foreach (var (label, (id, stateName)) in ids)
        {
            await Storage.WriteStateAsync(stateName, id, new GrainState<ProfileState>(new ProfileState { Name = label }));
        }

        foreach (var (label, (id, stateName)) in ids)
        {
            var read = new GrainState<ProfileState>(new ProfileState());
            await Storage.ReadStateAsync(stateName, id, read);
            Assert.Equal((label, "1"), (read.State!.Name, read.ETag));
        }
    }

    [Fact]
    public async Task A_multi_megabyte_state_round_trips()
    {
        var id = StringKey(nameof(A_multi_megabyte_state_round_trips));
        var tags = Enumerable.Range(0, 60_000).Select(i => $"tag-{i:D8}-{i * 7919 % 10007}").ToList();
        await Storage.WriteStateAsync(StateName, id, new GrainState<ProfileState>(new ProfileState { Tags = tags }));

        var read = await ReadAsync(id);

        Assert.Equal(tags, read.State!.Tags);
    }

    // Unique per test: the fixture's database is shared by the whole class.
    private static GrainId StringKey(string test) => GrainId.Create("profile", $"storage-{test}");

    private async Task<GrainState<ProfileState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<ProfileState>(new ProfileState());
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }
}
