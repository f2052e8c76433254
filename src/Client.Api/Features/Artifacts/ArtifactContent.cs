using System.Text;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>A page of a JSON Lines artifact's lines, and how many lines it has in all.</summary>
public sealed record JsonLinesPage(IReadOnlyList<string> Lines, int Offset, int Total);

/// <summary>
/// Reads an artifact's bytes for the API's downloads and the ArtifactDetail page alike: whole (inline JSON, or the
/// artifact store's file), or — for heavy JSON Lines — one page of lines streamed, so a preview never loads the file.
/// Throws <see cref="ArtifactGoneException"/> once retention deleted the bytes or the store no longer has them.
/// </summary>
public static class ArtifactContent
{
    public static async Task<string> ReadTextAsync(IArtifactStore store, ArtifactRecord artifact, CancellationToken cancellationToken = default)
    {
        if (artifact.InlineContent is { } inline)
        {
            return inline;
        }

        await using var stream = await OpenAsync(store, artifact, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Lines <paramref name="offset"/>… of a JSON Lines artifact (at most <paramref name="limit"/>), read in one pass.</summary>
    public static async Task<JsonLinesPage> ReadLinesAsync(
        IArtifactStore store, ArtifactRecord artifact, int offset, int limit, CancellationToken cancellationToken = default)
    {
        offset = Math.Max(offset, 0);
        var lines = new List<string>();
        var total = 0;
        using var reader = artifact.InlineContent is { } inline
            ? new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(inline)), Encoding.UTF8)
            : new StreamReader(await OpenAsync(store, artifact, cancellationToken), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (total >= offset && lines.Count < limit)
            {
                lines.Add(line);
            }

            total++;
        }

        return new JsonLinesPage(lines, offset, total);
    }

    /// <summary>Every table of the artifact (see <see cref="ArtifactTabular"/>).</summary>
    public static async Task<IReadOnlyList<ArtifactTable>> ReadTablesAsync(IArtifactStore store, ArtifactRecord artifact, CancellationToken cancellationToken = default) =>
        ArtifactTabular.Read(artifact.ContentType, await ReadTextAsync(store, artifact, cancellationToken));

    /// <summary>The artifact store's Parquet copy of a heavy artifact, or null when it has none (inline, or written before copies).</summary>
    public static async Task<Stream?> OpenStoredParquetAsync(IArtifactStore store, ArtifactRecord artifact, CancellationToken cancellationToken = default)
    {
        if (artifact.ParquetStorageUri is not { } uri || artifact.DeletedAt is not null)
        {
            return null;
        }

        try
        {
            return await store.OpenReadAsync(uri, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The stored bytes of a heavy artifact, as a stream to send on.</summary>
    public static Task<Stream> OpenStreamAsync(IArtifactStore store, ArtifactRecord artifact, CancellationToken cancellationToken = default) =>
        OpenAsync(store, artifact, cancellationToken);

    private static async Task<Stream> OpenAsync(IArtifactStore store, ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        if (artifact.DeletedAt is not null)
        {
            throw new ArtifactGoneException(
                $"The bytes of artifact '{artifact.ArtifactId}' were deleted by retention run '{artifact.DeletedByRunId}' at {artifact.DeletedAt:O}; its record, summary and lineage remain.");
        }

        try
        {
            return await store.OpenReadAsync(artifact.StorageUri!, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ArtifactGoneException($"The bytes of artifact '{artifact.ArtifactId}' are not in this API's artifact store ({artifact.StorageUri}).", ex);
        }
    }
}

/// <summary>The artifact's bytes cannot be read any more (retention deleted them, or the store lost them).</summary>
public sealed class ArtifactGoneException : Exception
{
    public ArtifactGoneException(string message) : base(message) { }

    public ArtifactGoneException(string message, Exception inner) : base(message, inner) { }

    public ArtifactGoneException() { }
}
