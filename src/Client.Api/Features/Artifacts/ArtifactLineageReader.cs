using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>
/// Walks an artifact's lineage: the artifact and everything upstream of it, breadth first, each with the run that made it.
/// Artifacts whose bytes retention deleted are still nodes (their records stay), marked <c>deleted</c>.
/// </summary>
public static class ArtifactLineageReader
{
    /// <summary>A walk stops after this many artifacts (a guard, far above real depths).</summary>
    private const int MaxNodes = 200;

    /// <summary>The lineage, or null when the artifact itself does not exist.</summary>
    public static async Task<LineageResponse?> ReadAsync(IClusterClient cluster, string artifactId)
    {
        var nodes = new List<LineageNode>();
        var seen = new HashSet<string> { artifactId };
        var queue = new Queue<string>([artifactId]);
        while (queue.TryDequeue(out var id) && nodes.Count < MaxNodes)
        {
            var artifact = await cluster.GetGrain<IArtifactGrain>(id).GetAsync();
            if (artifact is null)
            {
                if (nodes.Count == 0)
                {
                    return null;
                }

                continue;
            }

            var run = await cluster.GetGrain<IRunGrain>(artifact.RunId).GetAsync();
            nodes.Add(new LineageNode(artifact.ArtifactId, artifact.Kind, artifact.RunId, run?.Spec.Kind, run?.Spec.ParamsHash,
                run?.Spec.EngineVersion, artifact.Lineage.UpstreamArtifactIds, artifact.Lineage.DatasetRefs, Deleted: artifact.DeletedAt is not null));
            foreach (var upstream in artifact.Lineage.UpstreamArtifactIds.Where(seen.Add))
            {
                queue.Enqueue(upstream);
            }
        }

        return new LineageResponse(artifactId, nodes);
    }
}
