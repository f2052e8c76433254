using LabSandbox.Persistence.Tests.Infrastructure;
using static LabSandbox.Persistence.Tests.Infrastructure.CatalogQuery;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// The clustering query texts on their own, for the paths a healthy cluster rarely takes: version
/// compare-and-set failures must leave the version alone, and the bulk cleanup key (required, but
/// replaced at run time by CleanupDefunctSiloEntryKey in 10.4.2) must delete only old Dead rows.
/// </summary>
public sealed class MembershipQueryTests
{
    private static readonly DateTime T0 = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Failed_compare_and_set_never_moves_the_version()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Failed_compare_and_set_never_moves_the_version));
        const string D = "cas";
        Assert.True(await BoolAsync(db, "InsertMembershipVersionKey", Text("DeploymentId", D)));
        Assert.False(await BoolAsync(db, "InsertMembershipVersionKey", Text("DeploymentId", D)));
        var empty = Assert.Single(await RunAsync(db, "MembershipReadAllKey", Text("DeploymentId", D)));
        Assert.Equal((0, (object?)null), (Convert.ToInt32(empty["Version"]), empty["StartTime"]));

        Assert.True(await BoolAsync(db, "InsertMembershipKey", Insert(D, port: 1, version: 0)));
        Assert.False(await BoolAsync(db, "InsertMembershipKey", Insert(D, port: 1, version: 1))); // duplicate silo
        Assert.False(await BoolAsync(db, "InsertMembershipKey", Insert(D, port: 2, version: 0))); // stale version
        Assert.False(await BoolAsync(db, "UpdateMembershipKey", Update(D, port: 3, version: 1, "x"))); // missing silo
        Assert.Equal(1, await VersionAsync(db, D));

        const string Votes = "127.0.0.1:2@7,2025-01-01 12:00:05.123 GMT|127.0.0.1:4@7,2025-01-01 12:00:06.000 GMT";
        Assert.True(await BoolAsync(db, "UpdateMembershipKey", Update(D, port: 1, version: 1, Votes)));
        Assert.Equal(2, await VersionAsync(db, D));
        var row = Assert.Single(await RunAsync(db, "MembershipReadRowKey",
            Text("DeploymentId", D), Ansi("Address", "127.0.0.1"), Int("Port", 1), Int("Generation", 7)));
        Assert.Equal(Votes, row["SuspectTimes"]);

        // A heartbeat older than the stored time neither moves it back nor touches the version.
        await RunAsync(db, "UpdateIAmAlivetimeKey", Text("DeploymentId", D), Ansi("Address", "127.0.0.1"),
            Int("Port", 1), Int("Generation", 7), Time("IAmAliveTime", T0.AddMinutes(-5)));
        Assert.Equal(T0.AddSeconds(30), await db.ScalarAsync<DateTime>(
            "SELECT i_am_alive_time FROM orleans_membership_silo WHERE port = 1"));
        Assert.Equal(2, await VersionAsync(db, D));
    }

    [Fact]
    public async Task Bulk_cleanup_deletes_only_old_dead_rows_without_votes()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Bulk_cleanup_deletes_only_old_dead_rows_without_votes));
        await db.ExecuteAsync("INSERT INTO orleans_membership_version (deployment_id, version) VALUES ('bulk', 5), ('other', 0)");
        var old = T0.AddDays(-8);
        await AddSiloAsync(db, "bulk", 1, status: 6, old, votes: null);        // old Dead, no votes: deleted
        await AddSiloAsync(db, "bulk", 2, status: 6, old, votes: "");          // '' counts as no votes: deleted
        await AddSiloAsync(db, "bulk", 3, status: 6, old, votes: "x@1,v");     // old Dead with votes: kept
        await AddSiloAsync(db, "bulk", 4, status: 3, old, votes: null);        // Active: never deleted
        await AddSiloAsync(db, "bulk", 5, status: 6, T0, votes: null);         // recent Dead: kept
        await AddSiloAsync(db, "other", 1, status: 6, old, votes: null);       // other cluster: kept

        await RunAsync(db, "CleanupDefunctSiloEntriesKey", Text("DeploymentId", "bulk"), Time("IAmAliveTime", T0.AddDays(-7)));

        Assert.Equal("bulk:3,bulk:4,bulk:5,other:1", await db.ScalarAsync<string>(
            "SELECT string_agg(deployment_id || ':' || port, ',' ORDER BY deployment_id, port) FROM orleans_membership_silo"));
        Assert.Equal(5, await VersionAsync(db, "bulk"));
    }

    [Fact]
    public async Task Per_row_cleanup_deletes_only_a_row_still_exactly_as_read()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Per_row_cleanup_deletes_only_a_row_still_exactly_as_read));
        await db.ExecuteAsync("INSERT INTO orleans_membership_version (deployment_id, version) VALUES ('row', 3)");
        var old = T0.AddDays(-8);
        await AddSiloAsync(db, "row", 1, status: 6, old, votes: "");   // stored '' is re-sent as NULL
        await AddSiloAsync(db, "row", 2, status: 6, old, votes: null);
        await db.ExecuteAsync("UPDATE orleans_membership_silo SET i_am_alive_time = i_am_alive_time + interval '1 second' WHERE port = 2");

        foreach (var port in new[] { 1, 2 })
        {
            // Both as Orleans read them *before* row 2's heartbeat moved.
            await RunAsync(db, "CleanupDefunctSiloEntryKey", Text("DeploymentId", "row"), Ansi("Address", "127.0.0.1"),
                Int("Port", port), Int("Generation", 7), Text("SuspectTimes", null),
                Time("StartTime", old), Time("IAmAliveTime", old.AddSeconds(30)));
        }

        Assert.Equal("2", await db.ScalarAsync<string>("SELECT string_agg(port::text, ',') FROM orleans_membership_silo"));
        Assert.Equal(3, await VersionAsync(db, "row"));
    }

    private static (string, System.Data.DbType, object?)[] Insert(string deployment, int port, int version) =>
    [
        Text("DeploymentId", deployment), Ansi("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7),
        Text("SiloName", $"silo-{port}"), Text("HostName", "host"), Int("Status", 2), Int("ProxyPort", 30000 + port),
        Time("StartTime", T0), Time("IAmAliveTime", T0), Int("Version", version),
    ];

    private static (string, System.Data.DbType, object?)[] Update(string deployment, int port, int version, string? votes) =>
    [
        Text("DeploymentId", deployment), Ansi("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7),
        Int("Status", 3), Text("SuspectTimes", votes), Time("IAmAliveTime", T0.AddSeconds(30)), Int("Version", version),
    ];

    private static Task<int> VersionAsync(TestDatabase db, string deployment) =>
        db.ScalarAsync<int>("SELECT version FROM orleans_membership_version WHERE deployment_id = @d", ("d", deployment));

    private static Task AddSiloAsync(TestDatabase db, string deployment, int port, int status, DateTime time, string? votes) =>
        db.ExecuteAsync(
            """
            INSERT INTO orleans_membership_silo (deployment_id, address, port, generation, silo_name, host_name,
                status, proxy_port, suspect_times, start_time, i_am_alive_time)
            VALUES (@d, '127.0.0.1', @port, 7, 'silo', 'host', @status, 0, @votes, @time, @time + interval '30 seconds')
            """,
            ("d", deployment), ("port", port), ("status", status), ("votes", votes), ("time", time));
}
