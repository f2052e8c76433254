using Bunit;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Lab.Components;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Lab;

public sealed class CandidateDetailTests : LabComponentTest
{
    [Fact]
    public void The_provenance_links_every_upstream_id()
    {
        var cut = Render<CandidateProvenance>(p => p.Add(x => x.View, LabFixtures.View()));

        var hrefs = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/pools/calcutta-2025", hrefs);
        Assert.Contains("/tournaments/2025", hrefs);
        Assert.Contains("/artifacts/art-adv-1", hrefs);
        Assert.Contains("/runs/run-adv-1", hrefs);
        Assert.Contains("/artifacts/art-ms-1", hrefs);
        Assert.Contains("/runs/run-ms-1", hrefs);
        Assert.Contains("/artifacts/art-bids-1", hrefs);
        Assert.Contains("/runs/run-strategy-1", hrefs);
        Assert.Contains("/pools/calcutta-2025?entry=P005", hrefs);
        Assert.Contains("/lab?config=cfg-0123456789abcdef", hrefs);
        Assert.Equal("digest sha256:tournament2025", cut.Find("[data-digest=tournament]").TextContent);
        Assert.Contains("post_first_four", cut.Markup);
        Assert.Contains("dp-v1", cut.Markup);
    }

    [Fact]
    public void A_candidate_without_an_excluded_entry_says_so()
    {
        var cut = Render<CandidateProvenance>(p => p.Add(x => x.View, LabFixtures.View(excluded: null)));

        Assert.Contains("none (the candidate joins the full field)", cut.Markup);
        Assert.DoesNotContain("?entry=", cut.Markup);
    }

    [Fact]
    public void The_bids_table_shows_the_stored_numbers_and_their_totals()
    {
        var cut = Render<CandidateBidsTable>(p => p.Add(x => x.Rows, LabFixtures.Bids));

        Assert.Equal(3, cut.FindAll("tbody tr").Count);
        var first = cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Duke · East", "1", "40", "30.00", "400.00", "2.79", "0.070", "9.1 %"], first);
        Assert.Equal("100", cut.Find("[data-total=bid]").TextContent);
        Assert.Equal("60.00", cut.Find("[data-total=expected]").TextContent);
        Assert.Equal("750.00", cut.Find("[data-total=market]").TextContent);
        Assert.Equal("7.07", cut.Find("[data-total=captured]").TextContent);
        Assert.Equal("0.071", cut.Find("[data-total=roi]").TextContent);
    }

    [Fact]
    public void Bids_without_the_artifacts_numbers_show_dashes_and_no_partial_totals()
    {
        var candidate = LabFixtures.Candidate();
        var (rows, problem) = CandidateReader.Bids(candidate, null, null);

        var cut = Render<CandidateBidsTable>(p => p.Add(x => x.Rows, rows).Add(x => x.Problem, problem));

        Assert.Contains("does not exist", cut.Markup);
        Assert.Equal("100", cut.Find("[data-total=bid]").TextContent);
        Assert.Equal("—", cut.Find("[data-total=captured]").TextContent);
    }

    [Fact]
    public void The_bids_are_read_from_the_bids_artifact_and_named_from_the_tournament()
    {
        var artifact = new ArtifactRecord("art-bids-1", "run-strategy-1", "bids", "application/json",
            """[{"teamId":"vcu","bidPoints":25,"expectedPoints":5,"marketPoints":50,"capturedPoints":1.5,"expectedRoi":0.06}]""",
            null, "sha", 10, new Dictionary<string, string>(), new ArtifactLineage(["art-adv-1"], []), DateTimeOffset.UnixEpoch);
        var tournament = new TournamentSnapshot("ncaa-2025", 2025, "NCAA 2025", ["West"], new FinalFourPairing("West", "West", "West", "West"),
            [new TournamentTeam("vcu", "VCU", 11, "West", false, 0, 0, 0, true, 10.5)], "sha256:t");

        var (rows, problem) = CandidateReader.Bids(LabFixtures.Candidate(), artifact, tournament);

        Assert.Null(problem);
        var row = Assert.Single(rows);
        Assert.Equal(new CandidateBidRow("vcu", "VCU", 11, "West", 25, 5, 50, 1.5, 0.06), row);
    }

    [Fact]
    public void The_lineage_walks_from_the_bids_to_the_tournament_digest()
    {
        var root = Render<CandidateLineage>(p => p.Add(x => x.Lineage, LabFixtures.Lineage).Add(x => x.BaseHref, "/lab/candidates/cand-1"));

        Assert.Equal("The strategy generation bids artifact", root.Find("h3").TextContent);
        var walk = root.FindAll("a").Where(a => a.TextContent.StartsWith("Walk to", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Walk to the advancement metrics artifact", "Walk to the market share artifact"], walk.Select(a => a.TextContent));
        Assert.Equal("/lab/candidates/cand-1?node=art-ms-1#lineage", walk[1].GetAttribute("href"));

        var advancement = Render<CandidateLineage>(p => p.Add(x => x.Lineage, LabFixtures.Lineage).Add(x => x.BaseHref, "/lab/candidates/cand-1")
            .Add(x => x.Selected, "art-adv-1"));

        Assert.Equal("The advancement metrics artifact", advancement.Find("h3").TextContent);
        var tournament = advancement.Find("tr[data-dataset=ncaa-2025]");
        Assert.Contains("sha256:tournament2025", tournament.TextContent);
        Assert.Equal("/tournaments/2025", tournament.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/runs/run-adv-1", advancement.Find("a[href^='/runs/']").GetAttribute("href"));
        Assert.Equal(["strategy generation bids", "advancement metrics"],
            advancement.Find("nav").Children.Where(c => c.TagName is "A" or "SPAN" && c.GetAttribute("aria-hidden") is null).Select(c => c.TextContent));
    }

    [Fact]
    public void Dataset_links_follow_the_route_map()
    {
        Assert.Equal("/tournaments/2019", LabLinks.Dataset(new DatasetRef(DatasetKinds.TrainingTournament, "ncaa-2019", "d")));
        Assert.Equal("/pools/calcutta-2019", LabLinks.Dataset(new DatasetRef(DatasetKinds.TrainingCalcutta, "calcutta-2019", "d")));
        Assert.Equal("/sandbox/calcuttas/syn-1", LabLinks.Dataset(new DatasetRef(DatasetKinds.SyntheticCalcutta, "syn-1", "d")));
        Assert.Equal("/simulations/new?pool=calcutta-2025&focus=cand-1", LabLinks.Simulate("calcutta-2025", "cand-1"));
    }
}
