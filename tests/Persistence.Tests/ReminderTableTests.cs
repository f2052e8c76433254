using LabSandbox.Persistence.Tests.Infrastructure;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// The ADO.NET reminder table on our schema through the silo's <see cref="IReminderTable"/>: etags,
/// bigint periods, ring ranges with signed int4 hashes, service scoping.
/// </summary>
public sealed class ReminderTableTests(ReminderSiloFixture fixture) : IClassFixture<ReminderSiloFixture>
{
    // Far in the future so the silo's own reminder service never fires these rows during the test.
    private static readonly DateTime StartAt = DateTime.UtcNow.Date.AddDays(2).AddHours(3).AddMilliseconds(250);

    private IReminderTable Table => fixture.Service<IReminderTable>();

    [Fact]
    public async Task Upsert_read_and_remove_follow_the_etag()
    {
        var grain = GrainId.Create("reminder-etag", "grain-1");
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "nightly", StartAt = StartAt, Period = TimeSpan.FromHours(1) };

        Assert.Equal("0", await Table.UpsertRow(entry));
        // Over int.MaxValue milliseconds: Orleans binds the period as bigint.
        entry.Period = TimeSpan.FromDays(30);
        Assert.Equal("1", await Table.UpsertRow(entry));

        var read = await Table.ReadRow(grain, "nightly");
        Assert.NotNull(read);
        Assert.Equal((grain, "nightly", StartAt, TimeSpan.FromDays(30), "1"),
                     (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Single((await Table.ReadRows(grain)).Reminders);

        Assert.False(await Table.RemoveRow(grain, "nightly", "0"));
        Assert.NotNull(await Table.ReadRow(grain, "nightly"));
        Assert.True(await Table.RemoveRow(grain, "nightly", "1"));
        Assert.Null(await Table.ReadRow(grain, "nightly"));
        Assert.False(await Table.RemoveRow(grain, "nightly", "1"));
        Assert.Empty((await Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Range_reads_follow_the_ring_with_negative_and_positive_hashes()
    {
        // GetUniformHashCode is a uint; Orleans stores it cast to int, so the upper half is negative.
        var grains = FindGrains("reminder-ring", negative: 4, positive: 4);
        foreach (var grain in grains)
        {
            await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "ring", StartAt = StartAt, Period = TimeSpan.FromMinutes(5) });
        }

        var ranges = new List<(uint Begin, uint End)>
        {
            (0x1000_0000, 0x7000_0000), // positive only
            (0x7000_0000, 0x9000_0000), // crosses the sign boundary: non-wrapping as uint, wrapping as int
            (0xA000_0000, 0xF000_0000), // negative only
            (0xF000_0000, 0x2000_0000), // wraps as uint
            (0x9000_0000, 0x7000_0000), // wraps as uint, non-wrapping as int
            (0x5555_5555, 0x5555_5555), // begin == end: the whole ring
        };
        foreach (var grain in grains)
        {
            var h = grain.GetUniformHashCode();
            ranges.Add((h - 1, h)); // includes the grain (end inclusive)
            ranges.Add((h, h + 1)); // excludes it (begin exclusive)
        }

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order();
            var actual = (await Table.ReadRows(begin, end)).Reminders
                .Where(r => r.ReminderName == "ring").Select(r => r.GrainId.ToString()).Order();
            Assert.True(expected.SequenceEqual(actual),
                $"range ({begin:X8}, {end:X8}]: expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual)}]");
        }
    }

    [Fact]
    public async Task Reads_and_clear_are_scoped_to_the_service()
    {
        var grain = GrainId.Create("reminder-scope", "shared-grain");
        await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "mine", StartAt = StartAt, Period = TimeSpan.FromMinutes(5) });
        // Another service's row for the very same grain, written behind the provider's back.
        await fixture.Database.ExecuteAsync(
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES ('another-service', @grain, 'theirs', now(), 60000, @hash, 0)
            """,
            ("grain", grain.ToString()), ("hash", unchecked((int)grain.GetUniformHashCode())));

        Assert.Equal(["mine"], (await Table.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
        Assert.DoesNotContain((await Table.ReadRows(0u, 0u)).Reminders, r => r.ReminderName == "theirs");

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0u, 0u)).Reminders);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE service_id = 'another-service'"));
    }

    /// <summary>Orleans' ring semantics in uint space: (begin, end], wrapping when begin &gt;= end.</summary>
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static List<GrainId> FindGrains(string type, int negative, int positive)
    {
        var found = new List<GrainId>();
        int neg = 0, pos = 0;
        for (var i = 0; neg < negative || pos < positive; i++)
        {
            var grain = GrainId.Create(type, $"g{i}");
            var isNegative = unchecked((int)grain.GetUniformHashCode()) < 0;
            if (isNegative && neg < negative)
            {
                neg++;
                found.Add(grain);
            }
            else if (!isNegative && pos < positive)
            {
                pos++;
                found.Add(grain);
            }
        }

        return found;
    }
}
