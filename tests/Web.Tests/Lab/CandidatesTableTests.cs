using Bunit;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Lab.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Lab;

public sealed class CandidatesTableTests : LabComponentTest
{
    private static IReadOnlyList<LabCandidateItem> Items(int count) => LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, LabFixtures.Pools).Take(count)
        .Select(e => new LabCandidateItem(e.CalcuttaId, e.ConfigKey, e.Config, e.CandidateId, 185.15, 100, 10)).ToList();

    [Fact]
    public void A_page_of_rows_links_pools_and_candidates_and_says_where_it_is()
    {
        var cut = Render<CandidatesTable>(p => p.Add(x => x.Rows, Items(8)).Add(x => x.Page, 3).Add(x => x.PageCount, 3)
            .Add(x => x.PageSize, 20).Add(x => x.Total, 48));

        Assert.Equal(8, cut.FindAll("tbody tr").Count);
        Assert.Contains("Candidates 41–48 of 48", cut.Markup);
        var first = cut.FindAll("tbody tr")[0];
        Assert.Equal("/pools/calcutta-2017", first.QuerySelector("a[href^='/pools/']")!.GetAttribute("href"));
        Assert.StartsWith("/lab/candidates/cand-", first.QuerySelector("a[href^='/lab/candidates/']")!.GetAttribute("href"));
        Assert.Contains("185.15", first.TextContent);
        Assert.NotNull(cut.Find("nav[aria-label='Candidate pages']"));
    }

    [Fact]
    public void One_page_has_no_pager_and_no_rows_says_so()
    {
        var one = Render<CandidatesTable>(p => p.Add(x => x.Rows, Items(2)).Add(x => x.Total, 2));
        Assert.Empty(one.FindAll("nav"));

        var none = Render<CandidatesTable>(p => p.Add(x => x.Rows, []).Add(x => x.Total, 0));
        Assert.Contains("No candidates match.", none.Markup);
    }

    [Fact]
    public void Filters_match_pool_and_config_fields()
    {
        var entry = LabFixtures.Entries("cfg-aaaa", LabFixtures.Ridge, ["calcutta-2025"]).Single();

        Assert.True(new LabCandidateFilter().Matches(entry));
        Assert.True(new LabCandidateFilter(CalcuttaId: "calcutta-2025", MarketModel: "ridge", StartingState: "post_first_four", Sigma: 10).Matches(entry));
        Assert.False(new LabCandidateFilter(CalcuttaId: "calcutta-2024").Matches(entry));
        Assert.False(new LabCandidateFilter(MarketModel: "oracle").Matches(entry));
        Assert.False(new LabCandidateFilter(ExcludedEntry: "none").Matches(entry));
        Assert.False(new LabCandidateFilter(ConfigKey: "cfg-bbbb").Matches(entry));
    }
}
