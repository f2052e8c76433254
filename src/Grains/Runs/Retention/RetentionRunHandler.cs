using System.Globalization;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.Retention;

/// <summary>
/// Deletes the heavy artifact bytes of old finished runs. Eligible: terminal runs created before the cutoff
/// (the retention run's creation time minus <c>olderThanDays</c>, so a retried attempt uses the same cutoff),
/// never the retention run itself. Each heavy artifact is first tombstoned in its grain, then its bytes are
/// deleted from the artifact store; both steps are idempotent, so a repeated or retried run does nothing twice.
/// Records, summaries, lineage and inline artifacts (metrics) always stay. A dry run only counts.
/// </summary>
public sealed class RetentionRunHandler(IArtifactStore store, TimeProvider time) : IRunHandler
{
    private const int PageSize = 500;

    /// <summary>Progress is reported about this many times while deleting.</summary>
    private const int ProgressSteps = 10;

    public string Kind => RunKinds.Retention;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var parameters = context.ReadParams<RetentionParams>();
        var self = await context.Grains.GetGrain<IRunGrain>(context.RunId).GetAsync()
            ?? throw new NonRetryableRunException($"Run '{context.RunId}' does not exist.");
        var cutoff = self.CreatedAt - TimeSpan.FromDays(parameters.OlderThanDays);

        await ReportAsync(context, "scan", 0, $"scanning the run catalog for finished runs created before {Iso(cutoff)}");
        var catalog = await ReadCatalogAsync(context.Grains, cancellationToken);
        var (eligibleRuns, heavy) = await FindHeavyArtifactsAsync(context, catalog, cutoff, cancellationToken);
        var pending = heavy.Where(a => a.DeletedAt is null).ToList();
        await ReportAsync(context, "scan", 100, Invariant(
            $"{eligibleRuns} of {catalog.Count} run(s) eligible; {heavy.Count} heavy artifact(s), {pending.Count} not yet deleted"));

        var tally = parameters.DryRun
            ? new Tally { Affected = pending.Select(a => a.ArtifactId).ToList() }
            : await DeleteAsync(context, heavy, cancellationToken);
        await ReportAsync(context, "delete", 100, parameters.DryRun
            ? Invariant($"dry run: {pending.Count} artifact(s) would be deleted, nothing changed")
            : Invariant($"{tally.Tombstoned} artifact(s) deleted ({tally.BytesDeleted} bytes), {tally.AlreadyTombstoned} deleted already, {tally.Missing.Count} file(s) already missing"));

        var metrics = new RetentionMetrics(
            Kind, context.Spec.EngineVersion, parameters.OlderThanDays, parameters.DryRun, cutoff,
            catalog.Count, eligibleRuns, heavy.Count, pending.Count, pending.Sum(a => a.SizeBytes),
            tally.Tombstoned, parameters.DryRun ? heavy.Count - pending.Count : tally.AlreadyTombstoned, tally.BytesDeleted, tally.Missing.Count,
            tally.Affected.Order(StringComparer.Ordinal).ToList(), tally.Missing.Order(StringComparer.Ordinal).ToList());
        var summary = new Dictionary<string, string>
        {
            ["dryRun"] = parameters.DryRun ? "true" : "false",
            ["cutoff"] = Iso(cutoff),
            ["runsEligible"] = Invariant($"{eligibleRuns}"),
            ["artifactsTombstoned"] = Invariant($"{tally.Tombstoned}"),
            ["bytesDeleted"] = Invariant($"{tally.BytesDeleted}"),
        };
        return new RunOutput([context.Metrics(metrics, summary)]);
    }

    /// <summary>Every entry of every catalog shard, paged with the catalog's cursor.</summary>
    private static async Task<IReadOnlyList<RunIndexEntry>> ReadCatalogAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, RunIndex.ShardCount).Select(async shard =>
        {
            var index = grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKey(shard));
            var entries = new List<RunIndexEntry>();
            RunCursor? after = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await index.QueryAsync(new RunQuery(null, null, after, PageSize));
                entries.AddRange(page);
                if (page.Count < PageSize)
                {
                    return entries;
                }

                after = new RunCursor(page[^1].CreatedAt, page[^1].RunId);
            }
        }));
        return shards.SelectMany(s => s).ToList();
    }

    /// <summary>The eligible runs (checked against the run itself, not only its catalog entry) and their heavy artifacts, sorted by id.</summary>
    private static async Task<(int EligibleRuns, IReadOnlyList<ArtifactRecord> Heavy)> FindHeavyArtifactsAsync(
        RunExecutionContext context, IReadOnlyList<RunIndexEntry> catalog, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var eligible = 0;
        var heavy = new Dictionary<string, ArtifactRecord>(StringComparer.Ordinal);
        var candidates = catalog
            .Where(e => e.RunId != context.RunId && e.Status.IsTerminal() && e.CreatedAt < cutoff)
            .Select(e => e.RunId).Distinct().Order(StringComparer.Ordinal);
        foreach (var runId in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = await context.Grains.GetGrain<IRunGrain>(runId).GetAsync();
            if (run is null || !run.Status.IsTerminal() || run.CreatedAt >= cutoff)
            {
                continue;
            }

            eligible++;
            foreach (var artifact in run.Artifacts.Where(a => !heavy.ContainsKey(a.ArtifactId)))
            {
                if (await context.Grains.GetGrain<IArtifactGrain>(artifact.ArtifactId).GetAsync() is { StorageUri: not null } record)
                {
                    heavy[record.ArtifactId] = record;
                }
            }
        }

        return (eligible, heavy.Values.OrderBy(r => r.ArtifactId, StringComparer.Ordinal).ToList());
    }

    /// <summary>Tombstone first, then delete the bytes, artifact by artifact.</summary>
    private async Task<Tally> DeleteAsync(RunExecutionContext context, IReadOnlyList<ArtifactRecord> heavy, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        for (var i = 0; i < heavy.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var artifact = heavy[i];
            var result = await context.Grains.GetGrain<IArtifactGrain>(artifact.ArtifactId).TombstoneAsync(context.RunId, time.GetUtcNow());
            var storageUri = result.Record?.StorageUri;
            switch (result.Outcome)
            {
                case ArtifactTombstoneOutcome.Tombstoned:
                case ArtifactTombstoneOutcome.AlreadyTombstoned when result.Record!.DeletedByRunId == context.RunId:
                    // Ours, now or in an earlier attempt of this run (which may have deleted the bytes already).
                    var ours = result.Outcome == ArtifactTombstoneOutcome.Tombstoned;
                    tally.Tombstoned++;
                    tally.Affected.Add(artifact.ArtifactId);
                    await DeleteParquetCopyAsync(result.Record, cancellationToken);
                    if (await store.DeleteAsync(storageUri!, cancellationToken))
                    {
                        tally.BytesDeleted += artifact.SizeBytes;
                    }
                    else if (ours)
                    {
                        tally.Missing.Add(artifact.ArtifactId);
                    }

                    break;

                case ArtifactTombstoneOutcome.AlreadyTombstoned:
                    // Another retention run's: its bytes are gone unless it stopped between its two steps, so finish that.
                    tally.AlreadyTombstoned++;
                    await DeleteParquetCopyAsync(result.Record, cancellationToken);
                    if (await store.DeleteAsync(storageUri!, cancellationToken))
                    {
                        tally.BytesDeleted += artifact.SizeBytes;
                    }

                    break;

                default:
                    // Gone or inline since the scan: nothing to delete.
                    break;
            }

            if ((i + 1) % Math.Max(heavy.Count / ProgressSteps, 1) == 0 && i + 1 < heavy.Count)
            {
                await ReportAsync(context, "delete", 100.0 * (i + 1) / heavy.Count, Invariant($"{i + 1} of {heavy.Count} heavy artifact(s) processed"));
            }
        }

        return tally;
    }

    /// <summary>
    /// The Parquet copy of a heavy artifact goes with the bytes it was made from; first, so the artifact's folder
    /// empties with its last file. Not counted in the tally: the metrics speak of the artifacts' recorded bytes.
    /// </summary>
    private async Task DeleteParquetCopyAsync(ArtifactRecord? record, CancellationToken cancellationToken)
    {
        if (record?.ParquetStorageUri is { } parquet)
        {
            await store.DeleteAsync(parquet, cancellationToken);
        }
    }

    /// <summary>One progress event; stops the run when it is no longer this attempt's (e.g. cancelled).</summary>
    private static async Task ReportAsync(RunExecutionContext context, string phase, double percent, string message)
    {
        if (!await context.ReportProgressAsync(phase, percent, message))
        {
            throw new OperationCanceledException($"Run '{context.RunId}' is no longer attempt {context.Attempt}'s.");
        }
    }

    private static string Iso(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        public int Tombstoned { get; set; }

        public int AlreadyTombstoned { get; set; }

        public long BytesDeleted { get; set; }

        public List<string> Affected { get; init; } = [];

        public List<string> Missing { get; } = [];
    }
}
