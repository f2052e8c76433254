using System.Text;
using LabSandbox.Api.Contracts;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

public static class ArtifactsApi
{
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

    /// <summary>Inline content as stored, or the artifact store's bytes streamed; 410 Gone once retention deleted them.</summary>
    private static async Task<IResult> GetArtifactContent(string artifactId, IClusterClient cluster, IArtifactStore store)
    {
        var artifact = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        if (artifact is null)
        {
            return ApiProblems.NotFound("Artifact", artifactId);
        }

        if (artifact.DeletedAt is { } deletedAt)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Artifact deleted",
                detail: $"The bytes of artifact '{artifactId}' were deleted by retention run '{artifact.DeletedByRunId}' at {deletedAt:O}; its record, summary and lineage remain.");
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

    private static async Task<Results<Ok<LineageResponse>, ProblemHttpResult>> GetArtifactLineage(string artifactId, IClusterClient cluster) =>
        await ArtifactLineageReader.ReadAsync(cluster, artifactId) is { } lineage
            ? TypedResults.Ok(lineage)
            : ApiProblems.NotFound("Artifact", artifactId);
}
