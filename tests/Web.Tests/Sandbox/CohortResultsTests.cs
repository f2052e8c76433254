using Bunit;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Features.Sandbox.Components;
using LabSandbox.Grains.Interfaces.Sandbox;
using Xunit;
using static LabSandbox.Web.Tests.Sandbox.SandboxFixtures;

namespace LabSandbox.Web.Tests.Sandbox;

public sealed class CohortResultsTests : LabComponentTest
{
    private static readonly IReadOnlyList<CohortYearRow> Rows = [Year(2024, 123_456, 250_000), Year(2025, 98_765, 240_000, hindsight: true)];

    private static readonly CohortMeanResult Mean = new(2, 111_111, 1.25, 0.05, 0.4, 75.5);

    [Fact]
    public void Each_year_shows_its_run_and_money_in_dollars_and_the_mean_row_closes_the_table()
    {
        var cut = Render<CohortResultsTable>(p => p.Add(x => x.SimulationId, "sim-1").Add(x => x.Rows, Rows).Add(x => x.Mean, Mean));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("2024", rows[0].QuerySelector("th")!.TextContent);
        Assert.Contains("$1,234.56", rows[0].TextContent);
        Assert.Contains("$2,500.00", rows[0].TextContent);
        Assert.Contains("40.0%", rows[0].TextContent);
        Assert.Equal("/runs/run-sim-2024", rows[0].QuerySelectorAll("a").Single(a => a.TextContent == "run-sim-2024").GetAttribute("href"));
        Assert.Contains("2025 (hindsight)", rows[1].QuerySelector("th")!.TextContent);

        var mean = cut.Find("tfoot tr");
        Assert.Contains("Mean of 2 years", mean.TextContent);
        Assert.Contains("$1,111.11", mean.TextContent);
        Assert.Contains("$2,450.00", mean.TextContent);
        Assert.Contains("Hindsight:", cut.Markup);
    }

    [Fact]
    public void Without_a_focus_result_there_is_no_mean_and_the_table_says_why()
    {
        var cut = Render<CohortResultsTable>(p => p.Add(x => x.SimulationId, "sim-1").Add(x => x.Rows, [Year(2024, null, null, status: "running")]));

        Assert.Empty(cut.FindAll("tfoot"));
        Assert.Contains("No mean yet", cut.Markup);
        Assert.Contains("no focus", cut.Find("tbody tr").TextContent);
        Assert.Contains("running", cut.Find("tbody tr").TextContent);
    }

    [Fact]
    public void The_chart_draws_two_bars_per_year_and_says_the_same_numbers_in_words()
    {
        var cut = Render<CohortPayoutChart>(p => p.Add(x => x.Rows, Rows));

        var svg = cut.Find("svg[role=img]");
        Assert.Equal("cohort-chart-title cohort-chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal(4, svg.QuerySelectorAll("rect").Length);
        var desc = cut.Find("desc").TextContent;
        Assert.Contains("2024: candidate $1,234.56, field average $2,500.00", desc);
        Assert.Contains("2025*: candidate $987.65", desc);
        Assert.Contains("Years marked * are hindsight.", cut.Find("figcaption").TextContent);
        Assert.Contains("per-year table above holds the same numbers", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void The_chart_is_empty_until_a_member_has_a_focus_result()
    {
        var cut = Render<CohortPayoutChart>(p => p.Add(x => x.Rows, [Year(2024, null, null)]));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("Nothing to chart yet", cut.Markup);
    }

    [Fact]
    public void A_row_takes_the_field_average_from_the_pinned_versions_payouts_and_the_year_from_its_tournament()
    {
        var member = new CohortMemberResult("syn-test", "sha256:x", "run-1", "succeeded", "art-1",
            new CohortFocusResult("cand-1", 300_000_000, 10_000, 30_000, 1.1, 0.02, 0.3, 60, 40));

        var row = CohortReader.Row(member, Snapshot(), hindsight: false);

        Assert.Equal(2025, row.Year);
        Assert.Equal(2_500, row.FieldAverageCents); // $1,000.00 of payouts over 40 entries
        Assert.Equal(30_000, row.ExpectedPayoutCents);
        Assert.Equal("cand-1", row.CandidateId);
    }
    private static readonly IReadOnlyList<CohortYearRow> Compared =
    [
        Year(2024, 123_456, 250_000) with { RealRunId = "run-base-2024", RealRunStatus = "succeeded", RealEntryKey = "P2024", RealExpectedPayoutCents = 200_001 },
        Year(2025, 98_765, 240_000, hindsight: true) with { RealRunId = "run-base-2025", RealRunStatus = "succeeded", RealEntryKey = "P2025", RealExpectedPayoutCents = 100_000 },
    ];

    [Fact]
    public void The_real_excluded_entry_column_links_each_baseline_run_and_the_mean_row_averages_the_same_years()
    {
        var cut = Render<CohortResultsTable>(p => p.Add(x => x.SimulationId, "sim-1").Add(x => x.Rows, Compared).Add(x => x.Mean, Mean));

        Assert.Contains("Real excluded entry†", cut.Find("thead").TextContent);
        Assert.Contains("its real bids (hindsight: the entry as actually played)", cut.Markup);
        var rows = cut.FindAll("tbody tr");
        var real = rows[0].QuerySelector("td.lab-real-entry")!;
        Assert.Contains("$2,000.01", real.TextContent);
        Assert.Equal("/runs/run-base-2024/results", real.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("P2024", real.QuerySelector("a")!.TextContent);
        Assert.Contains("$1,000.00", rows[1].QuerySelector("td.lab-real-entry")!.TextContent);
        // (200,001 + 100,000) / 2 = 150,000.5 cents, halves to even.
        Assert.Equal("$1,500.00", cut.Find("tfoot td.lab-real-entry").TextContent.Trim());
    }

    [Fact]
    public void Before_comparing_the_real_column_is_empty_and_has_no_mean()
    {
        var cut = Render<CohortResultsTable>(p => p.Add(x => x.SimulationId, "sim-1").Add(x => x.Rows, Rows).Add(x => x.Mean, Mean));

        Assert.All(cut.FindAll("tbody td.lab-real-entry"), td => Assert.Equal("—", td.TextContent.Trim()));
        Assert.Equal("—", cut.Find("tfoot td.lab-real-entry").TextContent.Trim());
    }

    [Fact]
    public void The_chart_adds_the_real_entry_as_a_third_bar_in_the_legend_and_in_words()
    {
        var cut = Render<CohortPayoutChart>(p => p.Add(x => x.Rows, Compared));

        var svg = cut.Find("svg[role=img]");
        Assert.Equal(6, svg.QuerySelectorAll("rect").Length);
        Assert.Equal(2, svg.QuerySelectorAll("rect.lab-real-bar").Length);
        Assert.Contains("real excluded entry", cut.Find("title").TextContent);
        var desc = cut.Find("desc").TextContent;
        Assert.Contains("2024: candidate $1,234.56, real excluded entry $2,000.01, field average $2,500.00", desc);
        Assert.Contains("2025*: candidate $987.65, real excluded entry $1,000.00", desc);
        Assert.Contains("Real excluded entry's expected payout (its real bids, hindsight)", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void The_backtest_rounding_halves_to_even()
    {
        Assert.Equal(2, CohortBaselineReader.MeanCents(5, 2));
        Assert.Equal(4, CohortBaselineReader.MeanCents(7, 2));
        Assert.Equal(333, CohortBaselineReader.MeanCents(1_000, 3));
    }
}
