using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>The catalogs a run keeps itself listed in: the run index, its inputs' used-by lists and its datasets' run lists.</summary>
public sealed partial class RunGrain
{
    private Task UpdateIndexAsync() =>
        GrainFactory.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(RunId))
            .UpsertAsync(new RunIndexEntry(RunId, S.Spec!.Kind, S.Status, S.DeadLettered, S.CreatedAt, S.Attempt, S.LastError, S.ClaimedBy, S.CreatedBy));

    /// <summary>
    /// Downstream lineage: each pinned input artifact learns this run uses it. Done with the index, so a create that
    /// failed before it is completed by its repeat (the record is idempotent per run).
    /// </summary>
    private Task RecordInputUsesAsync() =>
        Task.WhenAll(S.Spec!.InputArtifactIds.Distinct(StringComparer.Ordinal).Select(id =>
            GrainFactory.GetGrain<IArtifactUsageGrain>(id).AddAsync(new ArtifactUse(RunId, S.Spec.Kind, S.CreatedAt))));

    /// <summary>
    /// Lists the run under each dataset digest it pins, so a dataset's page finds its runs without scanning the catalog.
    /// Written at creation only: the spec (so its dataset refs) never changes afterwards.
    /// </summary>
    private Task IndexDatasetsAsync() =>
        Task.WhenAll(S.Spec!.DatasetRefs
            .GroupBy(d => d.Digest, StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<IDatasetRunIndexGrain>(g.Key)
                .AddAsync(new DatasetRunEntry(RunId, S.Spec.Kind, S.CreatedAt, g.First().Kind, g.First().Id))));
}
