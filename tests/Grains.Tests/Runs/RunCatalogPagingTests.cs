using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>The sharded run catalog, paged the way the API pages it (every shard, merge, take, cursor = last item).</summary>
[Collection(ClusterCollection.Name)]
public sealed class RunCatalogPagingTests(ClusterFixture fixture)
{
    private const int PageSize = 5;
    private static readonly Comparer<RunIndexEntry> Order = Comparer<RunIndexEntry>.Create(RunIndex.Compare);

    [Fact]
    public async Task Paging_lists_every_run_once_in_catalog_order_and_filters_by_kind_and_status()
    {
        var runs = new RunDriver(fixture.Grains);
        var advancement = new List<string>();
        for (var round = 1; round <= 7; round++)
        {
            var spec = await runs.PlanAdvancementAsync(RunDriver.AdvancementRequest($"through_round:{round}", sigma: 12));
            var runId = await fixture.Grains.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
            await runs.CreateAsync(runId, spec);
            advancement.Add(runId);
        }

        var catalogRuns = new List<string>();
        for (var n = 1; n <= 5; n++)
        {
            var runId = $"run-test-catalog-{n}";
            await runs.CreateAsync(runId, await runs.TestSpecAsync(TestRunKinds.Catalog, new JsonObject { ["n"] = n, ["fail"] = n % 2 == 0 }));
            catalogRuns.Add(runId);
        }

        var mine = advancement.Concat(catalogRuns).ToList();
        var finished = await Task.WhenAll(mine.Select(runs.WaitTerminalAsync));
        Assert.All(finished.Take(7), r => Assert.Equal(RunStatus.Succeeded, r.Status));
        string[] failed = ["run-test-catalog-2", "run-test-catalog-4"];
        string[] succeeded = ["run-test-catalog-1", "run-test-catalog-3", "run-test-catalog-5"];

        // Everything: each of this test's runs exactly once, the whole listing in catalog order.
        var all = await PageAllAsync(new RunQuery(null, null, null, PageSize));
        Assert.Equal(all.Count, all.Select(e => e.RunId).Distinct().Count());
        Assert.All(mine, id => Assert.Single(all, e => e.RunId == id));
        Assert.Equal(all.Order(Order), all);
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(RunIndex.Compare(pair.First, pair.Second) < 0));
        Assert.Equal(await CountAllAsync(), all.Count);

        // By kind: only this test uses the test_catalog kind, newest first.
        var byKind = await PageAllAsync(new RunQuery(TestRunKinds.Catalog, null, null, PageSize));
        Assert.Equal(catalogRuns.AsEnumerable().Reverse(), byKind.Select(e => e.RunId));
        Assert.All(byKind, e => Assert.Equal(TestRunKinds.Catalog, e.Kind));

        // By kind and status.
        var failedOfKind = await PageAllAsync(new RunQuery(TestRunKinds.Catalog, RunStatus.Failed, null, PageSize));
        Assert.Equal(failed.Reverse(), failedOfKind.Select(e => e.RunId));
        var succeededOfKind = await PageAllAsync(new RunQuery(TestRunKinds.Catalog, RunStatus.Succeeded, null, PageSize));
        Assert.Equal(succeeded.Reverse(), succeededOfKind.Select(e => e.RunId));

        // By status alone, and by advancement kind.
        var allFailed = await PageAllAsync(new RunQuery(null, RunStatus.Failed, null, PageSize));
        Assert.All(allFailed, e => Assert.Equal(RunStatus.Failed, e.Status));
        Assert.All(failed, id => Assert.Single(allFailed, e => e.RunId == id));
        Assert.DoesNotContain(allFailed, e => mine.Except(failed).Contains(e.RunId));
        var advancementSucceeded = await PageAllAsync(new RunQuery(RunKinds.Advancement, RunStatus.Succeeded, null, PageSize));
        Assert.All(advancementSucceeded, e => Assert.Equal(RunKinds.Advancement, e.Kind));
        Assert.All(advancement, id => Assert.Single(advancementSucceeded, e => e.RunId == id));
    }

    /// <summary>Pages to the end; every page but the last is full, and no page repeats an entry.</summary>
    private async Task<List<RunIndexEntry>> PageAllAsync(RunQuery query)
    {
        var listed = new List<RunIndexEntry>();
        var after = query.After;
        while (true)
        {
            var page = await QueryPageAsync(query with { After = after });
            Assert.True(page.Count <= query.Limit);
            listed.AddRange(page);
            if (page.Count < query.Limit)
            {
                return listed;
            }

            after = new RunCursor(page[^1].CreatedAt, page[^1].RunId);
            Assert.True(listed.Count < 10_000, "paging does not terminate");
        }
    }

    private async Task<List<RunIndexEntry>> QueryPageAsync(RunQuery query)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).QueryAsync(query)));
        foreach (var shard in shards)
        {
            Assert.Equal(shard.Order(Order), shard);
        }

        return shards.SelectMany(s => s).Order(Order).Take(query.Limit).ToList();
    }

    private async Task<int> CountAllAsync()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => fixture.Grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).QueryAsync(new RunQuery(null, null, null, int.MaxValue))));
        return shards.Sum(s => s.Count);
    }
}
