using LabSandbox.Grains.Interfaces.Artifacts.Tables;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>Where a page of a JSON Lines preview is: its first row, the page size, and how many rows the artifact has.</summary>
public sealed record JsonLinesPaging(int Offset, int PageSize, int Total)
{
    public int Last => Math.Min(Offset + PageSize, Total);

    public bool HasPrevious => Offset > 0;

    public bool HasNext => Offset + PageSize < Total;
}

/// <summary>
/// What a preview renders: the artifact's tables (of the whole document, or of one page of a JSON Lines artifact) and
/// what kind it is. Built by the page from the artifact store, or by a test from fixed data.
/// </summary>
public sealed record ArtifactPreviewData(
    string ArtifactId, string Kind, string? RunKind, IReadOnlyList<ArtifactTable> Tables, JsonLinesPaging? Paging = null)
{
    /// <summary>How many rows a preview page of a JSON Lines artifact shows.</summary>
    public const int PageSize = 25;
}
