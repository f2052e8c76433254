using System.Diagnostics.Metrics;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Common;

/// <summary>
/// The cluster's queued and running counts as last read from the run catalog's shards, for the
/// <c>labsandbox.runs.active</c> gauge. The gauge's callback runs on the scrape's thread, so it only reads this cache;
/// <see cref="RunStatusRefresher"/> keeps it fresh. Nothing is reported until the first read succeeds.
/// </summary>
public static class RunStatusView
{
    private static RunStatusCounts? latest;

    public static RunStatusCounts? Latest => Volatile.Read(ref latest);

    public static void Update(RunStatusCounts counts) => Volatile.Write(ref latest, counts);

    internal static IEnumerable<Measurement<int>> Measure()
    {
        if (Latest is not { } counts)
        {
            return [];
        }

        return
        [
            new(counts.Queued, LabMetrics.Status(RunStatus.Queued)),
            new(counts.Running, LabMetrics.Status(RunStatus.Running)),
        ];
    }

    /// <summary>Sums every catalog shard's counts (each shard keeps its own, so this reads no entries).</summary>
    public static async Task<RunStatusCounts> ReadAsync(IGrainFactory grains)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).CountAsync()));
        return shards.Aggregate(RunStatusCounts.Zero, (sum, shard) => sum.Plus(shard));
    }
}
