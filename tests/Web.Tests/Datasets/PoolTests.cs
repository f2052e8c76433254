using Bunit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Datasets.Components;
using LabSandbox.Grains.Interfaces.Datasets;
using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

public sealed class PoolTests : LabComponentTest
{
    [Fact]
    public void Team_totals_sum_the_bids_and_share_the_pot_by_them()
    {
        var teams = PoolMarket.TeamTotals(DatasetTestData.Pool(), DatasetTestData.Tournament());

        Assert.Equal(["east-1", "east-8", "midwest-1", "south-1", "west-16", "west-2"], teams.Select(t => t.TeamId).Take(6).OrderBy(x => x, StringComparer.Ordinal));
        var east = teams[0];
        Assert.Equal(("east-1", 100, 2), (east.TeamId, east.TotalBidPoints, east.Bidders));
        Assert.Equal(100.0 / 300, east.ShareOfBids, 12);
        Assert.Equal(100_050 / 3.0, east.PotCents, 6);
        Assert.Equal(1.0, teams.Sum(t => t.ShareOfBids), 12);
    }

    [Fact]
    public void Real_standings_score_each_entry_by_its_share_of_each_teams_real_points()
    {
        var rows = RealStandings.Compute(DatasetTestData.Pool(), DatasetTestData.Tournament());

        // East 1 won the title (1050 points, split 50/50), South 1 lost the final (750: 30/40 to P001, 10/40 to P003),
        // Midwest 1 reached the Final Four (500), West 2 the Elite Eight (300), East 8 the round of 32 (50), West 16 nothing.
        Assert.Equal(["P001", "P002", "P003"], rows.Select(r => r.EntryKey));
        Assert.Equal(525 + 562.5 + 300, rows[0].Points, 9);
        Assert.Equal(525 + 500, rows[1].Points, 9);
        Assert.Equal(187.5 + 50, rows[2].Points, 9);
        Assert.Equal([60_000L, 30_000L, 10_050L], rows.Select(r => r.PayoutCents));
        Assert.True(rows[1].IsLabExcluded);
        Assert.True(RealStandings.IsComplete(DatasetTestData.Tournament()));
        Assert.False(RealStandings.IsComplete(DatasetTestData.Tournament(complete: false)));
    }

    [Fact]
    public void A_tie_shares_its_position_and_splits_the_pooled_payouts_to_the_cent()
    {
        var pool = DatasetTestData.Pool() with
        {
            Entries =
            [
                new PoolEntry("P002", false, [new EntryBid("east-1", 10)]),
                new PoolEntry("P001", false, [new EntryBid("east-1", 10)]),
                new PoolEntry("P003", false, [new EntryBid("west-16", 10)]),
            ],
        };

        var rows = RealStandings.Compute(pool, DatasetTestData.Tournament());

        Assert.Equal([("P001", 1, true), ("P002", 1, true), ("P003", 3, false)], rows.Select(r => (r.EntryKey, r.Position, r.Tied)));
        Assert.Equal([45_000L, 45_000L, 10_050L], rows.Select(r => r.PayoutCents));
    }

    [Fact]
    public void Rules_and_payouts_show_money_in_dollars_with_the_pot()
    {
        var pool = DatasetTestData.Pool();
        var cut = Render<PoolRulesPanel>(p => p.Add(x => x.Rules, pool.Rules).Add(x => x.ScoringRules, pool.ScoringRules).Add(x => x.Payouts, pool.Payouts));

        Assert.Contains("100 points", cut.Markup);
        Assert.Contains("$600.00", cut.Markup);
        Assert.Contains("$100.50", cut.Markup);
        Assert.Contains("$1,000.50", cut.Markup);
        Assert.Equal(7, cut.FindAll("table")[0].QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void The_bid_matrix_has_a_row_per_entry_and_a_column_per_team_with_a_bid()
    {
        var pool = DatasetTestData.Pool();
        var teams = PoolMarket.TeamTotals(pool, DatasetTestData.Tournament());
        var cut = Render<BidMatrix>(p => p.Add(x => x.Entries, pool.Entries).Add(x => x.Teams, teams));

        Assert.Equal(3, cut.FindAll("tbody tr").Count);
        Assert.Equal(teams.Count + 2, cut.FindAll("thead th").Count);
        var first = cut.FindAll("tbody tr")[0];
        Assert.Equal("P001", first.QuerySelector("th")!.TextContent);
        Assert.Equal("50", first.QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("100", first.QuerySelectorAll("td")[^1].TextContent);
        Assert.Contains("P002 (Lab-excluded)", cut.Markup);
    }

    [Fact]
    public void The_team_table_shows_points_share_and_dollars()
    {
        var teams = PoolMarket.TeamTotals(DatasetTestData.Pool(), DatasetTestData.Tournament());
        var cut = Render<TeamMarketTable>(p => p.Add(x => x.Teams, teams));

        var first = cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["1", "East", "100", "2", "33.33%", "$333.50"], first);
    }

    [Fact]
    public void Standings_are_labelled_as_hindsight()
    {
        var rows = RealStandings.Compute(DatasetTestData.Pool(), DatasetTestData.Tournament());
        var cut = Render<RealStandingsTable>(p => p.Add(x => x.Rows, rows));

        Assert.Contains("Hindsight: the real result", cut.Markup);
        Assert.Equal("$600.00", cut.FindAll("tbody tr")[0].QuerySelectorAll("td")[^1].TextContent);
    }

    [Fact]
    public void Without_a_real_result_there_are_no_standings()
    {
        var cut = Render<RealStandingsTable>(p => p.Add(x => x.Rows, (IReadOnlyList<StandingRow>?)null));

        Assert.Contains("no complete real result", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void The_links_panel_leads_to_simulate_candidates_and_copies()
    {
        var links = new PoolLinksView(
            [new PoolCandidateLink("cand-1", "cfg-ridge", "ridge", 10, "pre_tournament")],
            [new PoolCopyLink("sc-1", "My copy", 3, 47)]);
        var cut = Render<PoolLinksPanel>(p => p.Add(x => x.CalcuttaId, "calcutta-2025").Add(x => x.Links, links));

        Assert.Single(cut.FindAll("a[href='/simulations/new?pool=calcutta-2025']"));
        Assert.Single(cut.FindAll("a[href='/lab/candidates/cand-1']"));
        Assert.Single(cut.FindAll("a[href='/sandbox/calcuttas/sc-1']"));
        Assert.Contains("version 3, 47 entries", cut.Markup);
    }

    [Fact]
    public void The_links_panel_says_where_to_make_candidates_and_copies_when_there_are_none()
    {
        var cut = Render<PoolLinksPanel>(p => p.Add(x => x.CalcuttaId, "calcutta-2025").Add(x => x.Links, new PoolLinksView([], [])));

        Assert.Contains("None yet: generate them in the", cut.Markup);
        Assert.Contains("None yet: copy it in the", cut.Markup);
    }
}
