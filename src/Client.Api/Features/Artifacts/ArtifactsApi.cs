using System.ComponentModel;
using System.Text;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Artifacts;

public static class ArtifactsApi
{
    public static RouteGroupBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/artifacts").WithTags("Artifacts").RequireAuthorization(LabPolicies.Reader);
        group.MapGet("/{artifactId}", GetArtifact).WithName("GetArtifact")
            .WithSummary("Get an artifact's record")
            .WithDescription("Kind, content type, SHA-256, size, summary, lineage and the content URL; `deleted` once retention deleted its bytes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artifactId}/content", GetArtifactContent).WithName("GetArtifactContent")
            .WithSummary("Get an artifact's bytes, or one of its tables as CSV or Parquet")
            .WithDescription("`format=json` (default): the content as stored (JSON inline, or the artifact store's bytes streamed) in the artifact's content type. "
                + "`format=csv` / `format=parquet`: one table of the artifact's tabular form — a document's scalar `fields`, each array of objects by its path, "
                + "a JSON Lines artifact's `rows` — with nested objects as `parent_child` columns and short arrays as `name_1…name_n`, in document order; "
                + "Parquet columns are typed (INT64, DOUBLE, BOOLEAN, UTF-8) and the same content always gives the same bytes (a heavy artifact's copy in the artifact store). "
                + "400 for an unsupported format or an unknown table; 410 once retention deleted the bytes.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: ArtifactParquet.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("/{artifactId}/lineage", GetArtifactLineage).WithName("GetArtifactLineage")
            .WithSummary("Get an artifact's lineage")
            .WithDescription("The artifact and everything upstream of it, breadth first, each with the run that made it and its dataset refs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artifactId}/uses", GetArtifactUses).WithName("GetArtifactUses")
            .WithSummary("List the runs that pinned an artifact")
            .WithDescription("Downstream lineage: every run whose spec pinned the artifact as an input, in the order they were created, a page at a time "
                + "(`offset`, `limit` up to 500, default 50), with `total`.")
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

    /// <summary>
    /// Inline content as stored, or the artifact store's bytes streamed; or one of its tables as CSV or Parquet (a heavy
    /// artifact's default table from the store's Parquet copy). 410 Gone once retention deleted the bytes.
    /// </summary>
    private static async Task<IResult> GetArtifactContent(
        string artifactId, IClusterClient cluster, IArtifactStore store,
        [Description("`json` (default: the bytes as stored), `csv` or `parquet` (one of the artifact's tables, flattened in its stable order).")] string? format,
        [Description("For `csv` and `parquet`: which table — `fields` (a document's scalars), an array's path such as `entries` or `teams`, or `rows` (JSON Lines). Default: the artifact's main table.")] string? table,
        CancellationToken cancellationToken)
    {
        format = string.IsNullOrEmpty(format) ? ArtifactDownloads.Json : format.ToLowerInvariant();
        if (!ArtifactDownloads.Formats.Contains(format))
        {
            return ApiProblems.Invalid("format", $"Format '{format}' is not supported; use one of: {string.Join(", ", ArtifactDownloads.Formats)}.");
        }

        if (format == ArtifactDownloads.Json && table is not null)
        {
            return ApiProblems.Invalid("table", "A table is chosen only for the csv and parquet formats.");
        }

        var artifact = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        if (artifact is null)
        {
            return ApiProblems.NotFound("Artifact", artifactId);
        }

        try
        {
            if (format == ArtifactDownloads.Json)
            {
                return artifact.InlineContent is { } inline
                    ? TypedResults.Bytes(Encoding.UTF8.GetBytes(inline), artifact.ContentType)
                    : TypedResults.Stream(await ArtifactContent.OpenStreamAsync(store, artifact, cancellationToken), artifact.ContentType);
            }

            if (format == ArtifactDownloads.Parquet && table is null && await ArtifactContent.OpenStoredParquetAsync(store, artifact, cancellationToken) is { } stored)
            {
                return TypedResults.Stream(stored, ArtifactParquet.ContentType, ArtifactDownloads.FileName(artifact, format));
            }

            var tables = await ArtifactContent.ReadTablesAsync(store, artifact, cancellationToken);
            var chosen = table is null ? ArtifactTabular.Primary(tables) : tables.FirstOrDefault(t => t.Name == table);
            if (chosen is null)
            {
                return ApiProblems.Invalid("table", $"Artifact '{artifactId}' has no table '{table}'; its tables: {string.Join(", ", tables.Select(t => t.Name))}.");
            }

            return format == ArtifactDownloads.Csv
                ? TypedResults.File(ArtifactDownloads.CsvOf(chosen), "text/csv; charset=utf-8", ArtifactDownloads.FileName(artifact, format, table))
                : TypedResults.File(await ArtifactParquet.WriteAsync(chosen, cancellationToken), ArtifactParquet.ContentType, ArtifactDownloads.FileName(artifact, format, table));
        }
        catch (ArtifactGoneException gone)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone,
                title: artifact.DeletedAt is null ? "Artifact content unavailable" : "Artifact deleted", detail: gone.Message);
        }
    }

    private static async Task<Results<Ok<ArtifactUsesResponse>, ProblemHttpResult>> GetArtifactUses(
        string artifactId, IClusterClient cluster,
        [Description("How many uses to skip (default 0).")] int? offset,
        [Description("How many uses to return, 1 to 500 (default 50).")] int? limit)
    {
        if (await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync() is null)
        {
            return ApiProblems.NotFound("Artifact", artifactId);
        }

        var from = Math.Max(offset ?? 0, 0);
        var page = await cluster.GetGrain<IArtifactUsageGrain>(artifactId).GetAsync(from, Math.Clamp(limit ?? 50, 1, 500));
        return TypedResults.Ok(new ArtifactUsesResponse(artifactId, page.Uses, from, page.Total));
    }

    private static async Task<Results<Ok<LineageResponse>, ProblemHttpResult>> GetArtifactLineage(string artifactId, IClusterClient cluster) =>
        await ArtifactLineageReader.ReadAsync(cluster, artifactId) is { } lineage
            ? TypedResults.Ok(lineage)
            : ApiProblems.NotFound("Artifact", artifactId);
}
