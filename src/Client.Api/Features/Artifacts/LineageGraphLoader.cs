using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>Reads what a lineage graph shows through the grain contracts (the same reads as the API's lineage endpoints).</summary>
public static class LineageGraphLoader
{
    /// <summary>How many downstream runs a graph draws per artifact; the rest are one "+N more" node.</summary>
    public const int DrawnUses = 8;

    /// <summary>The artifact's graph, or null when it does not exist.</summary>
    public static async Task<LineageGraphModel?> ForArtifactAsync(IClusterClient cluster, string artifactId)
    {
        if (await ArtifactLineageReader.ReadAsync(cluster, artifactId) is not { } lineage)
        {
            return null;
        }

        var uses = await cluster.GetGrain<IArtifactUsageGrain>(artifactId).GetAsync(0, DrawnUses);
        return LineageGraphBuilder.ForArtifact(lineage, uses.Uses, uses.Total);
    }

    /// <summary>The run's graph, or null when it does not exist.</summary>
    public static async Task<LineageGraphModel?> ForRunAsync(IClusterClient cluster, string runId)
    {
        if (await cluster.GetGrain<IRunGrain>(runId).GetAsync() is not { } run)
        {
            return null;
        }

        var upstream = new List<LineageNode>();
        foreach (var input in run.Spec.InputArtifactIds.Distinct(StringComparer.Ordinal))
        {
            if (await ArtifactLineageReader.ReadAsync(cluster, input) is { } lineage)
            {
                upstream.AddRange(lineage.Nodes);
            }
        }

        var downstream = new List<(ArtifactRef, IReadOnlyList<ArtifactUse>, int)>();
        foreach (var output in run.Artifacts)
        {
            var uses = await cluster.GetGrain<IArtifactUsageGrain>(output.ArtifactId).GetAsync(0, DrawnUses);
            downstream.Add((output, uses.Uses, uses.Total));
        }

        return LineageGraphBuilder.ForRun(run, upstream, downstream);
    }
}
