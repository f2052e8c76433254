using Bunit;
using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Artifacts.Components;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>The lineage graph: layers from datasets to downstream runs, every node a named link, a text alternative, and the run variant.</summary>
public sealed class LineageGraphTests : LabComponentTest
{
    private static readonly DatasetRef Tournament = new(DatasetKinds.Tournament, "ncaa-2025", "sha256:" + new string('7', 64));
    private static readonly DatasetRef Pool = new(DatasetKinds.Calcutta, "calcutta-2025", "sha256:" + new string('c', 64));

    /// <summary>A simulation's metrics ← the advancement metrics ← the tournament; the simulation also pins the pool.</summary>
    private static readonly LineageResponse SimulationMetrics = new("art-sim", [
        new LineageNode("art-sim", "metrics", "run-sim", "simulation", "h1", "sim-1", ["art-adv"], [Pool, Tournament]),
        new LineageNode("art-adv", "metrics", "run-adv", "advancement", "h2", "adv-1", [], [Tournament]),
    ]);

    private static readonly ArtifactUse[] Uses =
    [
        new("run-use-1", "simulation", DateTimeOffset.UnixEpoch),
        new("run-use-2", "experiment", DateTimeOffset.UnixEpoch.AddDays(1)),
    ];

    [Fact]
    public void An_artifact_graph_lays_out_datasets_upstream_subject_and_users_as_linked_nodes()
    {
        var model = LineageGraphBuilder.ForArtifact(SimulationMetrics, Uses, usesTotal: 5);

        Assert.Equal(["Datasets", "Upstream artifacts", "This artifact", "Used by runs"], model.LayerTitles);
        Assert.Equal(0, model.Nodes.Single(n => n.Key == LineageGraphBuilder.DatasetKey(Tournament)).Layer);
        Assert.Equal(1, model.Nodes.Single(n => n.Key == "artifact:art-adv").Layer);
        Assert.True(model.Nodes.Single(n => n.Key == "artifact:art-sim") is { Layer: 2, IsSubject: true });
        Assert.Contains(new LineageGraphEdge(LineageGraphBuilder.DatasetKey(Tournament), "artifact:art-adv"), model.Edges);
        Assert.Contains(new LineageGraphEdge("artifact:art-adv", "artifact:art-sim"), model.Edges);
        Assert.Contains(new LineageGraphEdge("artifact:art-sim", "run:run-use-2"), model.Edges);

        var cut = Render<LineageGraph>(p => p.Add(x => x.Model, model).Add(x => x.Label, "Lineage of artifact art-sim"));

        var links = cut.FindAll("svg a").ToDictionary(a => a.GetAttribute("href")!, a => a.GetAttribute("aria-label")!);
        Assert.EndsWith(": Dataset ncaa-2025 tournament · " + Tournament.Digest, links["/tournaments/2025"]);
        Assert.Contains("/pools/calcutta-2025", links.Keys);
        Assert.Equal("Artifact metrics advancement · art-adv, made by run run-adv", links["/artifacts/art-adv"]); // nothing clipped: the description alone
        Assert.Contains("/artifacts/art-sim", links.Keys);
        Assert.Contains("/runs/run-use-1", links.Keys);
        Assert.Contains("3 more runs", links["/artifacts/art-sim#used-by"]);
        Assert.Equal(model.Nodes.Count, cut.FindAll("svg a").Count); // every node is a link
        Assert.Equal(model.Edges.Count, cut.FindAll("svg path").Count);

        // What a node shows starts its accessible name, whole words even where the box clips an id or digest (label in name).
        foreach (var a in cut.FindAll("svg a"))
        {
            var shown = string.Concat(a.QuerySelectorAll("tspan").Select(t => t.TextContent));
            Assert.Contains(shown, a.GetAttribute("aria-label"), StringComparison.Ordinal);
        }

        var text = cut.Find("details");
        Assert.Contains("Lineage of artifact art-sim as text", text.TextContent);
        Assert.All(model.Nodes, n => Assert.Contains(n.Description, text.TextContent));
        Assert.Contains("from ncaa-2025", text.TextContent);
    }

    [Fact]
    public void Focusing_a_node_highlights_its_edges()
    {
        var model = LineageGraphBuilder.ForArtifact(SimulationMetrics, [], usesTotal: 0);
        var cut = Render<LineageGraph>(p => p.Add(x => x.Model, model));
        Assert.Empty(cut.FindAll("path.lab-lit"));

        cut.Find("a[href='/artifacts/art-adv']").Focus();

        Assert.Equal(2, cut.FindAll("path.lab-lit").Count); // tournament → adv, adv → sim
    }

    [Fact]
    public void A_run_graph_shows_its_inputs_and_datasets_upstream_and_its_outputs_and_their_users_downstream()
    {
        var run = new RunSnapshot("run-sim", new RunSpec("simulation", "{}", "h", [Pool, Tournament], ["art-adv"], 9, "sim-1"),
            RunStatus.Succeeded, false, 1, null, null, DateTimeOffset.UnixEpoch, null, null,
            [new ArtifactRef("art-sim", "metrics"), new ArtifactRef("art-dist", "entry_distributions")], 5);
        var model = LineageGraphBuilder.ForRun(run, [SimulationMetrics.Nodes[1]],
            [(run.Artifacts[0], Uses[..1], 1), (run.Artifacts[1], [], 0)]);

        Assert.Equal(["Datasets", "Upstream artifacts", "This run", "Its artifacts", "Used by runs"], model.LayerTitles);
        Assert.True(model.Nodes.Single(n => n.Key == "run:run-sim") is { Layer: 2, IsSubject: true });
        Assert.Contains(new LineageGraphEdge("artifact:art-adv", "run:run-sim"), model.Edges);
        Assert.Contains(new LineageGraphEdge(LineageGraphBuilder.DatasetKey(Pool), "run:run-sim"), model.Edges);
        Assert.Contains(new LineageGraphEdge("run:run-sim", "artifact:art-dist"), model.Edges);
        Assert.Contains(new LineageGraphEdge("artifact:art-sim", "run:run-use-1"), model.Edges);

        var cut = Render<LineageGraph>(p => p.Add(x => x.Model, model));
        var hrefs = cut.FindAll("svg a").Select(a => a.GetAttribute("href")).ToList();
        string[] expected = ["/tournaments/2025", "/pools/calcutta-2025", "/artifacts/art-adv", "/runs/run-sim", "/artifacts/art-sim", "/artifacts/art-dist", "/runs/run-use-1"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), hrefs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_deeper_chain_puts_each_artifact_at_its_longest_distance_so_edges_point_right()
    {
        var lineage = new LineageResponse("art-c", [
            new LineageNode("art-c", "metrics", "run-c", "strategy_generation", null, null, ["art-b", "art-a"], [Pool]),
            new LineageNode("art-b", "market_share", "run-b", "market_share", null, null, ["art-a"], [Pool]),
            new LineageNode("art-a", "metrics", "run-a", "advancement", null, null, [], [Tournament]),
        ]);

        var model = LineageGraphBuilder.ForArtifact(lineage, [], 0);

        var layer = model.Nodes.ToDictionary(n => n.Key, n => n.Layer);
        Assert.All(model.Edges, e => Assert.True(layer[e.From] < layer[e.To], $"{e.From} → {e.To}"));
        Assert.Equal(["Datasets", "Upstream (2 steps)", "Inputs", "This artifact"], model.LayerTitles);
    }

    [Fact]
    public void A_removed_artifact_is_marked_and_an_empty_graph_says_so()
    {
        var lineage = new LineageResponse("art-gone", [new LineageNode("art-gone", "advancement", "run-a", "advancement", null, null, [], [Tournament], Deleted: true)]);
        var cut = Render<LineageGraph>(p => p.Add(x => x.Model, LineageGraphBuilder.ForArtifact(lineage, [], 0)));
        Assert.Contains("advancement (removed)", cut.Markup);
        Assert.Contains("bytes removed by retention", cut.Find("a[href='/artifacts/art-gone']").GetAttribute("aria-label"), StringComparison.Ordinal);

        var empty = Render<LineageGraph>(p => p.Add(x => x.Model, new LineageGraphModel([], [], [])));
        Assert.Contains("No lineage to show", empty.Markup);
    }
}
