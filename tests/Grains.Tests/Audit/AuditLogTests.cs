using LabSandbox.Grains.Interfaces.Audit;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Audit;

/// <summary>
/// The audit trail's grains: sequences without gaps, pages of 256 rows, cursor paging that returns every row once in
/// order, a row whose head write was lost kept rather than overwritten, and listing that writes nothing.
/// The log is one per cluster, so each test starts from whatever rows are already there.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 3, 19, 12, 0, 0, TimeSpan.Zero);

    private IAuditLogGrain Log => fixture.Grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key);

    [Fact]
    public async Task Six_hundred_appends_cross_three_pages_and_paging_by_cursor_returns_each_row_once_in_order()
    {
        var start = await LastSequenceAsync();
        var drafts = Enumerable.Range(1, 600)
            .Select(i => new AuditDraft(i % 3 == 0 ? "bob" : "alice", At.AddSeconds(i), "POST", "/api/v1/runs/{runId}/cancel", $"run-paging-{i}", 202))
            .ToList();
        var appended = new List<AuditEntry>();
        foreach (var draft in drafts)
        {
            appended.Add(await Log.AppendAsync(draft));
        }

        Assert.Equal(Enumerable.Range(1, 600).Select(i => start + i), appended.Select(e => e.Sequence));

        // Odd page sizes, so page boundaries of the listing and of the storage fall in different places.
        var read = new List<AuditEntry>();
        long? cursor = start;
        while (cursor is { } after)
        {
            var page = await Log.ListAsync(new AuditQuery(after, 37));
            Assert.True(page.Entries.Count <= 37);
            read.AddRange(page.Entries);
            cursor = page.Next;
        }

        Assert.Equal(appended, read);
        Assert.Equal(drafts.Select(d => (d.Actor, d.TargetId, d.At)), read.Select(e => (e.Actor, e.TargetId, e.At)));
        for (var page = IAuditPageGrain.PageOf(start + 1); page <= IAuditPageGrain.PageOf(start + 600); page++)
        {
            Assert.True(fixture.Storage.WritesOf("auditPage", IAuditPageGrain.KeyOf(page)) > 0, $"page {page} was written");
        }
    }

    [Fact]
    public async Task The_actor_filter_keeps_one_actors_rows_and_listing_writes_nothing()
    {
        var start = await LastSequenceAsync();
        foreach (var actor in new[] { "carol-filter", "dave-filter", "carol-filter", "dave-filter", "carol-filter" })
        {
            await Log.AppendAsync(new AuditDraft(actor, At, "DELETE", "/api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/entries/{entryKey}", "syn/e", 200));
        }

        var before = fixture.Storage.Snapshot();
        var carol = await Log.ListAsync(new AuditQuery(start, 500, "carol-filter"));
        var dave = await Log.ListAsync(new AuditQuery(start, 1, "dave-filter"));
        var nobody = await Log.ListAsync(new AuditQuery(0, 500, "nobody-filter"));
        var beyond = await Log.ListAsync(new AuditQuery(long.MaxValue, 10));
        var after = fixture.Storage.Snapshot();

        Assert.Equal([start + 1, start + 3, start + 5], carol.Entries.Select(e => e.Sequence));
        Assert.Null(carol.Next);
        Assert.Equal([start + 2], dave.Entries.Select(e => e.Sequence));
        Assert.Equal(start + 2, dave.Next);
        Assert.Empty(nobody.Entries);
        Assert.Equal((0, (long?)null), (beyond.Entries.Count, beyond.Next));
        Assert.True(before.TotalWrites == after.TotalWrites, $"before: {before}; after: {after}");
    }

    [Fact]
    public async Task A_row_whose_head_write_was_lost_is_listed_kept_and_the_next_append_goes_after_it()
    {
        var start = await LastSequenceAsync();

        // What a crash between the page write and the head write leaves: a stored row the head has not counted.
        var orphan = new AuditEntry(start + 1, "erin", At, "POST", "/api/v1/runs", "run-orphan-1", 202);
        var page = fixture.Grains.GetGrain<IAuditPageGrain>(IAuditPageGrain.KeyOf(IAuditPageGrain.PageOf(orphan.Sequence)));
        Assert.True(await page.AppendAsync(orphan));
        Assert.Equal([orphan], (await Log.ListAsync(new AuditQuery(start, 10))).Entries);

        var next = await Log.AppendAsync(new AuditDraft("frank", At, "POST", "/api/v1/experiments", "exp-1", 202));

        Assert.Equal(start + 2, next.Sequence);
        Assert.Equal([orphan, next], (await Log.ListAsync(new AuditQuery(start, 10))).Entries);

        // A page never overwrites a sequence it holds, and never leaves a gap.
        Assert.False(await page.AppendAsync(orphan with { Actor = "mallory" }));
        Assert.Equal("erin", (await Log.ListAsync(new AuditQuery(start, 1))).Entries.Single().Actor);
        var farPage = IAuditPageGrain.PageOf(start) + 1_000;
        var gap = orphan with { Sequence = (farPage * IAuditPageGrain.PageSize) + 2 };
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Grains.GetGrain<IAuditPageGrain>(IAuditPageGrain.KeyOf(farPage)).AppendAsync(gap));
    }

    private async Task<long> LastSequenceAsync()
    {
        long last = 0;
        long? cursor = 0;
        while (cursor is { } after)
        {
            var page = await Log.ListAsync(new AuditQuery(after, 500));
            last = page.Entries.Count > 0 ? page.Entries[^1].Sequence : last;
            cursor = page.Next;
        }

        return last;
    }
}
