using System.Globalization;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>One page of the run catalog and the cursor of the next page (null on the last page).</summary>
public sealed record RunCatalogPage(IReadOnlyList<RunIndexEntry> Items, RunCursor? Next);

/// <summary>
/// The run catalog as both the API (<c>GET /api/v1/runs</c>) and the Runs page read it: every index shard is asked for
/// its first page after the cursor, and the shards' pages are merged in the catalog's total order. Each shard returns
/// at most <see cref="RunQuery.Limit"/> entries, so the merged page is exact and costs the same at any depth.
/// </summary>
public static class RunCatalog
{
    public static async Task<RunCatalogPage> ListAsync(IClusterClient cluster, RunQuery query)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => cluster.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).QueryAsync(query)));
        var page = shards.SelectMany(x => x).Order(Comparer<RunIndexEntry>.Create(RunIndex.Compare)).Take(query.Limit).ToList();
        var next = page.Count == query.Limit && page.Count > 0 ? new RunCursor(page[^1].CreatedAt, page[^1].RunId) : null;
        return new RunCatalogPage(page, next);
    }

    /// <summary>How many runs the catalog holds by status: each shard keeps its own counts, so this reads no entries.</summary>
    public static async Task<RunStatusCounts> CountAsync(IClusterClient cluster)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount)
            .Select(i => cluster.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(i)).CountAsync()));
        return shards.Aggregate(RunStatusCounts.Zero, (sum, shard) => sum.Plus(shard));
    }

    /// <summary>A status as the API and the page's query string spell it (lower-case name); numbers are not statuses.</summary>
    public static bool TryParseStatus(string? text, out RunStatus? status)
    {
        status = null;
        if (text is null)
        {
            return true;
        }

        if (!Enum.TryParse<RunStatus>(text, ignoreCase: true, out var parsed) || int.TryParse(text, out _))
        {
            return false;
        }

        status = parsed;
        return true;
    }

    public static string StatusNames => string.Join(", ", Enum.GetNames<RunStatus>().Select(n => n.ToLowerInvariant()));

    /// <summary>An ISO-8601 instant (a date alone is midnight UTC; no offset means UTC).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }
}
