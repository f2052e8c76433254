using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>
/// Lays lineage out in layers: every dataset leftmost, each upstream artifact as far left as its longest path from the
/// subject (so arrows always point right), the subject, then downstream layers. Pure: a test builds a graph from fixed data.
/// </summary>
public static class LineageGraphBuilder
{
    /// <summary>An artifact's graph: its upstream walk (<see cref="ArtifactLineageReader"/>) and the runs that pinned it.</summary>
    public static LineageGraphModel ForArtifact(LineageResponse lineage, IReadOnlyList<ArtifactUse> uses, int usesTotal)
    {
        var subject = lineage.Nodes.First(n => n.ArtifactId == lineage.ArtifactId);
        var graph = new Builder(lineage.Nodes);
        var subjectKey = ArtifactKey(subject.ArtifactId);
        var layer = graph.AddUpstream(subjectKey, subject.UpstreamArtifactIds, subject.DatasetRefs);
        graph.Add(ArtifactNode(subject, layer) with { IsSubject = true });
        var titles = graph.Titles(layer, "This artifact");
        if (usesTotal > 0)
        {
            graph.AddUses(subjectKey, uses, usesTotal, layer + 1, $"/artifacts/{Uri.EscapeDataString(subject.ArtifactId)}#used-by");
            titles.Add("Used by runs");
        }

        return graph.Build(titles);
    }

    /// <summary>
    /// A run's graph: its pinned input artifacts and datasets upstream (with the inputs' own lineage), its output artifacts,
    /// and the runs that pinned each output.
    /// </summary>
    public static LineageGraphModel ForRun(
        RunSnapshot run, IReadOnlyList<LineageNode> upstream, IReadOnlyList<(ArtifactRef Output, IReadOnlyList<ArtifactUse> Uses, int Total)> downstream)
    {
        var graph = new Builder(upstream);
        var runKey = RunKey(run.RunId);
        var layer = graph.AddUpstream(runKey, run.Spec.InputArtifactIds, run.Spec.DatasetRefs);
        graph.Add(new LineageGraphNode(runKey, LineageNodeType.Run, layer, run.Spec.Kind + " run", run.RunId,
            $"/runs/{Uri.EscapeDataString(run.RunId)}", $"This run: {run.Spec.Kind} run {run.RunId}, {run.Status.ToString().ToLowerInvariant()}", IsSubject: true));
        var titles = graph.Titles(layer, "This run");
        if (downstream.Count > 0)
        {
            titles.Add("Its artifacts");
            foreach (var (output, _, _) in downstream)
            {
                var key = ArtifactKey(output.ArtifactId);
                graph.Add(new LineageGraphNode(key, LineageNodeType.Artifact, layer + 1, output.Kind, output.ArtifactId,
                    $"/artifacts/{Uri.EscapeDataString(output.ArtifactId)}", $"Output artifact {output.Kind} {output.ArtifactId}"));
                graph.Edge(runKey, key);
            }

            if (downstream.Any(d => d.Total > 0))
            {
                titles.Add("Used by runs");
                foreach (var (output, uses, total) in downstream.Where(d => d.Total > 0))
                {
                    graph.AddUses(ArtifactKey(output.ArtifactId), uses, total, layer + 2, $"/artifacts/{Uri.EscapeDataString(output.ArtifactId)}#used-by");
                }
            }
        }

        return graph.Build(titles);
    }

    public static string ArtifactKey(string artifactId) => "artifact:" + artifactId;

    public static string RunKey(string runId) => "run:" + runId;

    public static string DatasetKey(DatasetRef d) => $"dataset:{d.Kind}:{d.Id}:{d.Digest}";

    /// <summary>Where a dataset's page is: tournaments by year, pools and synthetic calcuttas by id; other kinds have none.</summary>
    public static string? DatasetHref(DatasetRef d) => d.Kind switch
    {
        DatasetKinds.Tournament or DatasetKinds.TrainingTournament => ArtifactCells.TournamentHref(d.Id),
        DatasetKinds.Calcutta or DatasetKinds.TrainingCalcutta => $"/pools/{Uri.EscapeDataString(d.Id)}",
        DatasetKinds.SyntheticCalcutta => $"/sandbox/calcuttas/{Uri.EscapeDataString(d.Id)}",
        _ => null,
    };

    private static LineageGraphNode ArtifactNode(LineageNode n, int layer)
    {
        var title = n.Kind + (n.Deleted ? " (removed)" : "");
        var detail = n.RunKind is null ? n.ArtifactId : $"{n.RunKind} · {n.ArtifactId}";
        return new LineageGraphNode(ArtifactKey(n.ArtifactId), LineageNodeType.Artifact, layer, title, detail, $"/artifacts/{Uri.EscapeDataString(n.ArtifactId)}",
            $"Artifact {title} {detail}, made by run {n.RunId}{(n.Deleted ? ", bytes removed by retention" : "")}", Deleted: n.Deleted);
    }

    private sealed class Builder(IReadOnlyList<LineageNode> lineage)
    {
        private readonly Dictionary<string, LineageNode> _artifacts = lineage.GroupBy(n => n.ArtifactId).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<string, LineageGraphNode> _nodes = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly List<LineageGraphEdge> _edges = [];
        private readonly HashSet<(string, string)> _edgeSet = [];
        private int _upstreamLayers;
        private bool _hasDatasets;

        /// <summary>Adds everything upstream of the subject and returns the subject's layer.</summary>
        public int AddUpstream(string subjectKey, IReadOnlyList<string> inputs, IReadOnlyList<DatasetRef> datasets)
        {
            // Longest distance from the subject of every upstream artifact (a DAG; the walk is bounded by the reader).
            var depth = new Dictionary<string, int>(StringComparer.Ordinal);
            var queue = new Queue<(string Id, int Depth)>(inputs.Distinct().Select(id => (id, 1)));
            var steps = 0;
            while (queue.TryDequeue(out var item) && steps++ < 10_000)
            {
                if (depth.TryGetValue(item.Id, out var known) && known >= item.Depth)
                {
                    continue;
                }

                depth[item.Id] = item.Depth;
                if (_artifacts.TryGetValue(item.Id, out var node))
                {
                    foreach (var up in node.UpstreamArtifactIds)
                    {
                        queue.Enqueue((up, item.Depth + 1));
                    }
                }
            }

            var maxDepth = depth.Count == 0 ? 0 : depth.Values.Max();
            var allDatasets = datasets.Concat(depth.Keys.SelectMany(id => _artifacts.TryGetValue(id, out var n) ? n.DatasetRefs : [])).ToList();
            _hasDatasets = allDatasets.Count > 0;
            var offset = _hasDatasets ? 1 : 0;
            _upstreamLayers = maxDepth;
            foreach (var d in allDatasets.DistinctBy(DatasetKey))
            {
                Add(new LineageGraphNode(DatasetKey(d), LineageNodeType.Dataset, 0, d.Id, $"{d.Kind} · {d.Digest}", DatasetHref(d),
                    $"Dataset {d.Id} {d.Kind} · {d.Digest}"));
            }

            foreach (var (id, d) in depth.OrderBy(p => -p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                var layer = offset + maxDepth - d;
                Add(_artifacts.TryGetValue(id, out var node)
                    ? ArtifactNode(node, layer)
                    : new LineageGraphNode(ArtifactKey(id), LineageNodeType.Artifact, layer, "unknown artifact", id,
                        $"/artifacts/{Uri.EscapeDataString(id)}", $"Artifact unknown artifact {id}, not found"));
            }

            var subjectLayer = offset + maxDepth;
            foreach (var (id, _) in depth)
            {
                if (_artifacts.TryGetValue(id, out var node))
                {
                    foreach (var up in node.UpstreamArtifactIds)
                    {
                        Edge(ArtifactKey(up), ArtifactKey(id));
                    }

                    foreach (var d in node.DatasetRefs)
                    {
                        Edge(DatasetKey(d), ArtifactKey(id));
                    }
                }
            }

            foreach (var id in inputs)
            {
                Edge(ArtifactKey(id), subjectKey);
            }

            foreach (var d in datasets)
            {
                Edge(DatasetKey(d), subjectKey);
            }

            return subjectLayer;
        }

        /// <summary>The titles of the layers up to and including the subject's.</summary>
        public List<string> Titles(int subjectLayer, string subject)
        {
            var titles = new List<string>();
            if (_hasDatasets)
            {
                titles.Add("Datasets");
            }

            for (var i = _upstreamLayers; i >= 1; i--)
            {
                titles.Add(_upstreamLayers == 1 ? "Upstream artifacts" : i == 1 ? "Inputs" : $"Upstream ({i} steps)");
            }

            titles.Add(subject);
            return titles;
        }

        public void AddUses(string fromKey, IReadOnlyList<ArtifactUse> uses, int total, int layer, string moreHref)
        {
            foreach (var use in uses)
            {
                var key = RunKey(use.RunId);
                Add(new LineageGraphNode(key, LineageNodeType.Run, layer, use.RunKind + " run", use.RunId,
                    $"/runs/{Uri.EscapeDataString(use.RunId)}", $"Downstream {use.RunKind} run {use.RunId}, pinned it on {ArtifactFacts.Instant(use.PinnedAt)}"));
                Edge(fromKey, key);
            }

            if (total > uses.Count)
            {
                var key = $"more:{fromKey}";
                var more = total - uses.Count;
                Add(new LineageGraphNode(key, LineageNodeType.More, layer, $"+{more} more run{(more == 1 ? "" : "s")}", "listed under Used by",
                    moreHref, $"+{more} more run{(more == 1 ? "" : "s")} listed under Used by: every run that pinned it is on the artifact's page"));
                Edge(fromKey, key);
            }
        }

        public void Add(LineageGraphNode node)
        {
            if (_nodes.TryAdd(node.Key, node))
            {
                _order.Add(node.Key);
            }
            else if (node.IsSubject)
            {
                _nodes[node.Key] = node;
            }
        }

        public void Edge(string from, string to)
        {
            if (from != to && _edgeSet.Add((from, to)))
            {
                _edges.Add(new LineageGraphEdge(from, to));
            }
        }

        public LineageGraphModel Build(IReadOnlyList<string> titles) =>
            new(_order.Select(k => _nodes[k]).ToList(), _edges.Where(e => _nodes.ContainsKey(e.From) && _nodes.ContainsKey(e.To)).ToList(), titles);
    }
}
