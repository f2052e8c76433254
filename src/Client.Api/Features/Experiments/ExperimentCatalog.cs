using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// Pages through the experiment catalog in ordinal id order (the API's list and the Experiments page share it, so
/// a cursor from one works in the other). <c>after</c> is the last id of the previous page.
/// </summary>
public static class ExperimentCatalog
{
    /// <summary>Snapshots are read this many at a time while a status filter skips experiments.</summary>
    private const int ReadBatch = 50;

    public sealed record Page(IReadOnlyList<ExperimentSnapshot> Items, string? NextCursor, int Total);

    /// <summary>Up to <paramref name="limit"/> experiments after <paramref name="after"/>, optionally only those in <paramref name="status"/>.</summary>
    public static async Task<Page> PageAsync(IClusterClient cluster, int limit, string? after, ExperimentStatus? status = null)
    {
        var all = await cluster.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).ListAsync();
        var ids = all
            .Order(StringComparer.Ordinal)
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .ToList();
        if (status is null)
        {
            // Unfiltered: the page is exactly the next ids, as the API has always answered.
            var page = ids.Take(limit).ToList();
            var snapshots = await Task.WhenAll(page.Select(id => cluster.GetGrain<IExperimentGrain>(id).GetAsync()));
            return new Page(snapshots.OfType<ExperimentSnapshot>().ToList(), ids.Count > limit ? page[^1] : null, all.Count);
        }

        // Filtered: read on in batches until the page is full; the cursor is the last id looked at.
        var items = new List<ExperimentSnapshot>();
        var position = 0;
        while (position < ids.Count && items.Count < limit)
        {
            var batch = ids.Skip(position).Take(ReadBatch).ToList();
            var snapshots = await Task.WhenAll(batch.Select(id => cluster.GetGrain<IExperimentGrain>(id).GetAsync()));
            for (var i = 0; i < batch.Count && items.Count < limit; i++)
            {
                position++;
                if (snapshots[i] is { } snapshot && snapshot.Status == status)
                {
                    items.Add(snapshot);
                }
            }
        }

        return new Page(items, position < ids.Count ? ids[position - 1] : null, all.Count);
    }
}
