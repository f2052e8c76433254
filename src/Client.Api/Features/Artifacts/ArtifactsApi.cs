using System.Text;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Grains.Interfaces.Artifacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Artifacts;

public static class ArtifactsApi
{
    public static RouteGroupBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/artifacts").WithTags("Artifacts");
        group.MapGet("/{artifactId}", GetArtifact).WithName("GetArtifact")
            .WithSummary("Get an artifact's record")
            .WithDescription("Kind, content type, SHA-256, size, summary, lineage and the content URL; `deleted` once retention deleted its bytes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artifactId}/content", GetArtifactContent).WithName("GetArtifactContent")
            .WithSummary("Get an artifact's bytes")
            .WithDescription("The content as stored (JSON inline, or the artifact store's bytes streamed) in the artifact's content type; 410 once retention deleted it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("/{artifactId}/lineage", GetArtifactLineage).WithName("GetArtifactLineage")
            .WithSummary("Get an artifact's lineage")
            .WithDescription("The artifact and everything upstream of it, breadth first, each with the run that made it and its dataset refs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
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
