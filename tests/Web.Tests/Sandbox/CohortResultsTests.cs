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
}
