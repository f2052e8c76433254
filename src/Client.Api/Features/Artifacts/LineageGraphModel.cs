namespace LabSandbox.Api.Features.Artifacts;

public enum LineageNodeType
{
    Dataset,
    Artifact,
    Run,

    /// <summary>Stands for the runs beyond those drawn (links to where all of them are listed).</summary>
    More,
}

/// <summary>One node of a lineage graph, placed in a layer (0 = leftmost), with the link it opens and its text alternative.</summary>
/// <param name="Key">Unique in the graph: <c>dataset:…</c>, <c>artifact:…</c>, <c>run:…</c>.</param>
/// <param name="Detail">The second line, in full (the graph clips it; the text alternative does not).</param>
/// <param name="Description">
/// The node in words, for its accessible name and the graph's text alternative. It contains "<see cref="Title"/> <see cref="Detail"/>",
/// so the name of a node includes the text it shows (WCAG 2.5.3, label in name).
/// </param>
public sealed record LineageGraphNode(
    string Key, LineageNodeType Type, int Layer, string Title, string Detail, string? Href, string Description,
    bool IsSubject = false, bool Deleted = false);

/// <summary>Data flows from <see cref="From"/> to <see cref="To"/> (an input to what was made of it).</summary>
public sealed record LineageGraphEdge(string From, string To);

/// <summary>A layered lineage graph: datasets, then upstream artifacts, the subject, then what came of it; each layer titled.</summary>
public sealed record LineageGraphModel(IReadOnlyList<LineageGraphNode> Nodes, IReadOnlyList<LineageGraphEdge> Edges, IReadOnlyList<string> LayerTitles)
{
    public IEnumerable<LineageGraphNode> InLayer(int layer) => Nodes.Where(n => n.Layer == layer);
}
