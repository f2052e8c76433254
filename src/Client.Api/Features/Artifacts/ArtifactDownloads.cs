using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>The download formats of an artifact and the links to them: the stored JSON, and any of its tables as CSV or Parquet.</summary>
public static class ArtifactDownloads
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Parquet = "parquet";

    public static readonly IReadOnlyList<string> Formats = [Json, Csv, Parquet];

    /// <summary>The API's content URL for a format (and a table; none means the artifact's default table).</summary>
    public static string Url(string artifactId, string format, string? table = null)
    {
        var url = $"/api/v1/artifacts/{Uri.EscapeDataString(artifactId)}/content";
        if (format != Json)
        {
            url += $"?format={format}";
            if (table is not null)
            {
                url += $"&table={Uri.EscapeDataString(table)}";
            }
        }

        return url;
    }

    /// <summary>The file name a download gets: the artifact id, the table when it is not the default, the format.</summary>
    public static string FileName(ArtifactRecord artifact, string format, string? table = null)
    {
        var extension = format == Json ? (ArtifactTabular.IsJsonLines(artifact.ContentType) ? "jsonl" : "json") : format;
        return table is null ? $"{artifact.ArtifactId}.{extension}" : $"{artifact.ArtifactId}-{table.Replace('.', '-')}.{extension}";
    }

    /// <summary>A table as RFC 4180 CSV: the header, then its rows in document order (the shared export writer's format).</summary>
    public static byte[] CsvOf(ArtifactTable table) =>
        TableExportWriter.Csv(new TableExport(table.Name, table.Columns.Select(c => c.Name).ToList(), table.Rows));
}
