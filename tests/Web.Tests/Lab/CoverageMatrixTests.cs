using Bunit;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Lab.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Lab;

public sealed class CoverageMatrixTests : LabComponentTest
{
    [Fact]
    public void A_fully_covered_config_shows_8_of_8_and_links_each_pool_to_its_candidate()
    {
        var view = LabCoverageView.From(LabFixtures.Pools, LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, LabFixtures.Pools), new LabCandidateFilter());

        var cut = Render<CoverageMatrix>(p => p.Add(x => x.View, view));

        var row = cut.Find("tr[data-config=cfg-aaaa]");
        Assert.Equal("8/8", row.QuerySelector(".lab-coverage-count")!.TextContent);
        var links = row.QuerySelectorAll("a[href^='/lab/candidates/']");
        Assert.Equal(8, links.Length);
        Assert.Equal("/lab/candidates/" + LabFixtures.CandidateOf("cfg-aaaa", "calcutta-2025"), links[^1].GetAttribute("href"));
        Assert.Contains("ridge · σ 10 · post_first_four", row.TextContent);
        Assert.Equal(8, cut.FindAll("thead a[href^='/pools/calcutta-']").Count);
    }

    [Fact]
    public void A_partly_covered_config_counts_what_it_has_and_marks_the_missing_pools()
    {
        var entries = LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, LabFixtures.Pools)
            .Concat(LabFixtures.Entries("cfg-bbbb", LabFixtures.NaiveEv, LabFixtures.Pools.Take(3)));
        var view = LabCoverageView.From(LabFixtures.Pools, entries, new LabCandidateFilter());

        var cut = Render<CoverageMatrix>(p => p.Add(x => x.View, view));

        var partial = cut.Find("tr[data-config=cfg-bbbb]");
        Assert.Equal("3/8", partial.QuerySelector(".lab-coverage-count")!.TextContent);
        Assert.Equal(3, partial.QuerySelectorAll("a[href^='/lab/candidates/']").Length);
        Assert.Equal(5, partial.QuerySelectorAll(".visually-hidden").Count(e => e.TextContent == "No candidate"));
        Assert.Equal(2, cut.FindAll("tbody tr").Count);
    }

    [Fact]
    public void Filters_pick_rows_by_config_field_and_columns_by_pool()
    {
        var entries = LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, LabFixtures.Pools)
            .Concat(LabFixtures.Entries("cfg-bbbb", LabFixtures.NaiveEv, LabFixtures.Pools));
        var view = LabCoverageView.From(LabFixtures.Pools, entries, new LabCandidateFilter(CalcuttaId: "calcutta-2019", MarketModel: "naive_ev"));

        var cut = Render<CoverageMatrix>(p => p.Add(x => x.View, view));

        Assert.Single(cut.FindAll("tbody tr"));
        Assert.Equal("1/1", cut.Find(".lab-coverage-count").TextContent);
        Assert.Equal("Pool 2019", cut.Find("thead a[href='/pools/calcutta-2019']").TextContent);
    }

    [Fact]
    public void An_empty_lab_invites_a_generation_and_a_filtered_empty_one_says_the_filters_match_nothing()
    {
        var empty = LabCoverageView.From(LabFixtures.Pools, [], new LabCandidateFilter());

        var cut = Render<CoverageMatrix>(p => p.Add(x => x.View, empty));
        Assert.Contains("No candidates yet", cut.Markup);
        Assert.Empty(cut.FindAll("table"));

        var filtered = Render<CoverageMatrix>(p => p.Add(x => x.View, empty).Add(x => x.Filtered, true));
        Assert.Contains("No config matches these filters", filtered.Markup);
    }

    [Fact]
    public void The_matrix_exports_as_a_file_named_for_it()
    {
        var view = LabCoverageView.From(LabFixtures.Pools, LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, LabFixtures.Pools), new LabCandidateFilter());
        var cut = Render<CoverageMatrix>(p => p.Add(x => x.View, view));

        cut.Find("button[aria-label='Export coverage as CSV']").Click();

        var call = JSInterop.VerifyInvoke("labDownload");
        Assert.Equal("lab-coverage.csv", call.Arguments[0]);
    }
}
