using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>
/// A run lists itself under every dataset digest it pins when it is created (the tournament page's "runs that used
/// this tournament"), and each catalog shard counts its runs by status (the home page's dashboard).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DatasetRunIndexTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_created_run_is_listed_under_its_datasets_digest_newest_first_and_paged()
    {
        var runs = new RunDriver(fixture.Grains);
        var created = new List<RunSnapshot>();
        for (var n = 1; n <= 3; n++)
        {
            var runId = $"run-test-dataset-index-{n}";
            created.Add(await runs.CreateAsync(runId, await runs.TestSpecAsync(TestRunKinds.Catalog, new JsonObject { ["datasetIndex"] = n })));
        }

        await Task.WhenAll(created.Select(r => runs.WaitTerminalAsync(r.RunId)));
        var digest = created[0].Spec.DatasetRefs[0].Digest;
        var index = fixture.Grains.GetGrain<IDatasetRunIndexGrain>(digest);

        var mine = (await index.QueryAsync(new DatasetRunQuery(TestRunKinds.Catalog, null, 100_000))).Items
            .Where(e => e.RunId.StartsWith("run-test-dataset-index-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["run-test-dataset-index-3", "run-test-dataset-index-2", "run-test-dataset-index-1"], mine.Select(e => e.RunId));
        Assert.All(mine, e => Assert.Equal((DatasetKinds.Tournament, RunDriver.Tournament), (e.DatasetKind, e.DatasetId)));
        Assert.Equal(created[0].CreatedAt, mine[^1].CreatedAt);

        // Paging by cursor: every entry once, in the catalog's order; the total counts every match.
        var all = await index.QueryAsync(new DatasetRunQuery(null, null, 100_000));
        var paged = new List<DatasetRunEntry>();
        RunCursor? after = null;
        while (true)
        {
            var page = await index.QueryAsync(new DatasetRunQuery(null, after, 2));
            Assert.Equal(all.Total, page.Total);
            paged.AddRange(page.Items);
            if (page.Items.Count < 2)
            {
                break;
            }

            after = new RunCursor(page.Items[^1].CreatedAt, page.Items[^1].RunId);
        }

        Assert.Equal(all.Items, paged);
        Assert.Equal(all.Total, all.Items.Count);

        // Creating the same run again (an idempotent repeat) adds nothing.
        var writes = fixture.Storage.WritesOf("datasetRuns", digest);
        await runs.CreateAsync(created[0].RunId, created[0].Spec);
        Assert.Equal(writes, fixture.Storage.WritesOf("datasetRuns", digest));
        Assert.Empty((await fixture.Grains.GetGrain<IDatasetRunIndexGrain>("sha256:test-no-such-digest").QueryAsync(new DatasetRunQuery(null, null, 10))).Items);
    }

    [Fact]
    public async Task Shard_counts_follow_each_run_through_its_statuses_and_sum_to_the_catalog()
    {
        var runs = new RunDriver(fixture.Grains);
        const string RunId = "run-test-status-counts-1";
        var shard = fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(RunId));
        var before = await shard.CountAsync();

        await runs.CreateAsync(RunId, await runs.TestSpecAsync(TestRunKinds.Catalog, new JsonObject { ["statusCounts"] = 1, ["fail"] = true }));
        await runs.WaitTerminalAsync(RunId);
        Assert.True((await shard.CountAsync()).Total > before.Total);

        // Every shard's counts equal what a full listing of that shard says (other tests' runs may move between
        // the two reads, so a shard gets a few tries to be read still).
        for (var i = 0; i < RunIndex.ShardCount; i++)
        {
            var grain = fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i));
            await Eventually.WaitAsync(
                async () => (await grain.QueryAsync(new RunQuery(null, null, null, int.MaxValue)), await grain.CountAsync()),
                read => Enum.GetValues<RunStatus>().All(s => read.Item1.Count(e => e.Status == s) == read.Item2.Of(s))
                    && read.Item1.Count(e => e.DeadLettered) == read.Item2.DeadLettered,
                $"shard {i}'s counts to match its entries");
        }
    }
}
