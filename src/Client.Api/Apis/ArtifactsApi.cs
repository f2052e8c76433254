using System.Text;
using LabSandbox.Api.Contracts;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

public static class ArtifactsApi
{
    /// <summary>A lineage walk stops after this many artifacts (a guard, far above real depths).</summary>
    private const int MaxLineageNodes = 200;

    public static RouteGroupBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/artifacts").WithTags("Artifacts");
        group.MapGet("/{artifactId}", GetArtifact).WithName("GetArtifact");
        group.MapGet("/{artifactId}/content", GetArtifactContent).WithName("GetArtifactContent");
        group.MapGet("/{artifactId}/lineage", GetArtifactLineage).WithName("GetArtifactLineage");
        return group;
    }

    private static async Task<Results<Ok<ArtifactResponse>, ProblemHttpResult>> GetArtifact(
        string artifactId, IClusterClient cluster, LinkGenerator links, HttpContext http)
    {
        var artifact = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        return artifact is null
            ? ApiProblems.NotFound("Artifact", artifactId)
            : TypedResults.Ok(ArtifactResponse.From(artifact, links.GetPathByName(http, "GetArtifactContent", new { artifactId })!));
    }

    /// <summary>Inline content as stored, or the artifact store's bytes streamed.</summary>
    private static async Task<IResult> GetArtifactContent(string artifactId, IClusterClient cluster, IArtifactStore store)
    {
        var artifact = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        if (artifact is null)
        {
            return ApiProblems.NotFound("Artifact", artifactId);
        }

        if (artifact.InlineContent is { } inline)
        {
            return TypedResults.Bytes(Encoding.UTF8.GetBytes(inline), artifact.ContentType);
        }

        try
        {
            return TypedResults.Stream(store.OpenRead(artifact.StorageUri!), artifact.ContentType);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Artifact content unavailable",
                detail: $"The bytes of artifact '{artifactId}' are not in this API's artifact store ({artifact.StorageUri}).");
        }
    }

    /// <summary>The artifact and everything upstream of it, breadth first, each with the run that made it.</summary>
    private static async Task<Results<Ok<LineageResponse>, ProblemHttpResult>> GetArtifactLineage(string artifactId, IClusterClient cluster)
    {
        var nodes = new List<LineageNode>();
        var seen = new HashSet<string> { artifactId };
        var queue = new Queue<string>([artifactId]);
        while (queue.TryDequeue(out var id) && nodes.Count < MaxLineageNodes)
        {
            var artifact = await cluster.GetGrain<IArtifactGrain>(id).GetAsync();
            if (artifact is null)
            {
                if (nodes.Count == 0)
                {
                    return ApiProblems.NotFound("Artifact", artifactId);
                }

                continue;
            }

            var run = await cluster.GetGrain<IRunGrain>(artifact.RunId).GetAsync();
            nodes.Add(new LineageNode(artifact.ArtifactId, artifact.Kind, artifact.RunId, run?.Spec.Kind, run?.Spec.ParamsHash,
                run?.Spec.EngineVersion, artifact.Lineage.UpstreamArtifactIds, artifact.Lineage.DatasetRefs));
            foreach (var upstream in artifact.Lineage.UpstreamArtifactIds.Where(seen.Add))
            {
                queue.Enqueue(upstream);
            }
        }

        return TypedResults.Ok(new LineageResponse(artifactId, nodes));
    }
}
