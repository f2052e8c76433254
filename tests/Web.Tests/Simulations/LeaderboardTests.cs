using System.Text;
using Bunit;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class LeaderboardTests : LabComponentTest
{
    [Fact]
    public void Sorting_by_a_metric_breaks_ties_by_entry_key_whichever_the_direction()
    {
        var descending = LeaderboardSort.Apply(SimulationFixtures.Rows, "expected", descending: true);
        var ascending = LeaderboardSort.Apply(SimulationFixtures.Rows, "expected", descending: false);

        Assert.Equal([SimulationFixtures.Focus, "P001", "P002"], descending.Select(r => r.EntryKey));
        Assert.Equal(["P001", "P002", SimulationFixtures.Focus], ascending.Select(r => r.EntryKey));
    }

    [Fact]
    public void An_unknown_sort_key_falls_back_to_the_artifacts_rank()
    {
        Assert.Equal("rank", LeaderboardSort.Normalize("nonsense"));
        Assert.False(LeaderboardSort.IsDescending("rank", null));
        Assert.True(LeaderboardSort.IsDescending("first", null));
        Assert.Equal([1, 2, 3], LeaderboardSort.Apply(SimulationFixtures.Rows.Reverse(), "nonsense", false).Select(r => r.Rank));
    }

    [Fact]
    public void The_table_shows_rows_in_the_given_order_marks_the_sorted_column_and_highlights_the_focus_candidate()
    {
        string? sortedBy = null;
        var rows = LeaderboardSort.Apply(SimulationFixtures.Rows, "first", true);
        var cut = Render<LeaderboardTable>(p => p
            .Add(x => x.Rows, rows).Add(x => x.Simulations, 1000).Add(x => x.SortKey, "first").Add(x => x.Descending, true)
            .Add(x => x.FocusEntryKey, SimulationFixtures.Focus).Add(x => x.EntryHref, k => $"/runs/r/results?entry={k}")
            .Add(x => x.OnSort, (string key) => sortedBy = key));

        Assert.Equal([SimulationFixtures.Focus, "P001", "P002"], cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-entry")));
        Assert.Equal("descending", cut.FindAll("th").Single(th => th.TextContent.Contains("P(1st)")).GetAttribute("aria-sort"));
        var focus = cut.Find($"tr[data-entry='{SimulationFixtures.Focus}']");
        Assert.Contains("lab-highlight", focus.ClassName);
        Assert.Contains("focus candidate", focus.TextContent);
        Assert.Contains("$90.00", focus.TextContent);
        Assert.Contains("25.00 %", focus.TextContent);
        Assert.Equal(3, cut.FindAll("svg.lab-sparkline").Count);
        Assert.DoesNotContain("lab-highlight", cut.Find("tr[data-entry='P001']").ClassName);

        cut.FindAll("button.sim-sort").Single(b => b.TextContent.Contains("P(in the money)")).Click();
        Assert.Equal("money", sortedBy);
    }

    [Fact]
    public void An_empty_leaderboard_renders_its_headers_and_no_rows()
    {
        var cut = Render<LeaderboardTable>(p => p.Add(x => x.Rows, []).Add(x => x.Simulations, 0).Add(x => x.EntryHref, k => k));

        Assert.Empty(cut.FindAll("tbody tr"));
        Assert.Equal(11, cut.FindAll("thead th").Count);
    }

    [Fact]
    public void The_export_has_every_metric_raw_in_the_order_shown_with_the_focus_flag()
    {
        var rows = LeaderboardSort.Apply(SimulationFixtures.Rows, "entry", false);
        var table = LeaderboardExport.Table("run-x", rows, SimulationFixtures.Focus);
        var lines = Encoding.UTF8.GetString(TableExportWriter.Csv(table)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("leaderboard-run-x", table.Name);
        Assert.Equal("rank,entryKey,focusCandidate,payoutCentsTotal,expectedPayoutCents,pFirst,pTop3,pTop6,pTop10,pInTheMoney,meanPoints,stdDevPoints,meanNormalizedPayout,medianNormalizedPayout", lines[0]);
        Assert.Equal(["P001", "P002", SimulationFixtures.Focus], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.StartsWith("1,cand-focus,true,9000000,9000,0.25,0.5,0.75,1,0.5,", lines[3]);
    }
}
