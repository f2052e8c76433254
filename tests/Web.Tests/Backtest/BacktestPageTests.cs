using Bunit;
using LabSandbox.Api.Features.Backtest;
using LabSandbox.Api.Features.Backtest.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Backtest;

public sealed class BacktestPageTests : LabComponentTest
{
    private IRenderedComponent<BacktestPage> RenderPage(string query = "", bool withReport = true)
    {
        Services.AddSingleton(BacktestReportSource.Of(withReport ? BacktestFixtures.Report : null));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/backtest" + query);
        return Render<BacktestPage>();
    }

    /// <summary>A cell's parts (value, P in the money, candidate link: block elements), separated by spaces.</summary>
    private static string Cell(IRenderedComponent<BacktestPage> cut, int year, string strategy) =>
        string.Join(' ', cut.Find($"tr[data-year='{year}'] td[data-strategy='{strategy}']").Children.Select(c => Normalize(c.TextContent)));

    [Fact]
    public void By_default_each_year_shows_the_expected_payout_with_links_to_its_run_and_candidate()
    {
        var cut = RenderPage();

        Assert.Contains("Expected, σ = 10 by year and strategy", cut.Find("table caption").TextContent);
        Assert.Equal("$62.48 57.7 % in the money candidate", Cell(cut, 2017, "ridge"));
        Assert.Equal("$19.77", Cell(cut, 2017, "field_average"));
        var links = cut.FindAll("tr[data-year='2017'] td[data-strategy='ridge'] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/runs/run-ridge-2017/results?entry=cand-ridge-2017", "/lab/candidates/cand-ridge-2017"], links);
        Assert.Equal("/runs/run-baseline-2018/results?entry=P003", cut.Find("tr[data-year='2018'] td[data-strategy='real_entry'] a").GetAttribute("href"));
        // Means of the column, halves to even: (6248 + 5521) / 2 = 5884.5 → $58.84.
        Assert.Equal("$58.84", Normalize(cut.Find("tfoot td[data-strategy='ridge']").TextContent));
        Assert.Contains("1,000", cut.Find(".bt-facts").TextContent);
    }

    [Fact]
    public void The_table_is_accessible_markup_with_a_caption_and_scoped_headers()
    {
        var cut = RenderPage();

        Assert.Single(cut.FindAll("table caption"));
        Assert.All(cut.FindAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal(["2017", "2018", "mean"], cut.FindAll("tbody th, tfoot th").Select(th => th.TextContent));
        Assert.All(cut.FindAll("tbody th, tfoot th"), th => Assert.Equal("row", th.GetAttribute("scope")));
    }

    [Fact]
    public void Choosing_a_measure_shows_its_cents_and_records_it_in_the_query_string()
    {
        var cut = RenderPage();

        cut.Find("button[data-measure='realized']").Click();

        cut.WaitForAssertion(() => Assert.Equal("$120.00 candidate", Cell(cut, 2017, "ridge")));
        Assert.Equal("$0.00 candidate", Cell(cut, 2018, "ridge"));
        Assert.Equal("$60.00", Normalize(cut.Find("tfoot td[data-strategy='ridge']").TextContent));
        Assert.Equal("true", cut.Find("button[data-measure='realized']").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("button[data-measure='expected']").GetAttribute("aria-pressed"));
        Assert.Contains("real final standings", cut.Find(".bt-measure-description").TextContent);
        Assert.EndsWith("/backtest?measure=realized", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Theory]
    [InlineData("?measure=sigma7", "$61.00 candidate", "Expected, σ = 7")]
    [InlineData("?measure=sigma13", "$63.00 candidate", "Expected, σ = 13")]
    [InlineData("?measure=nonsense", "$62.48 57.7 % in the money candidate", "Expected, σ = 10")]
    public void The_measure_comes_from_the_query_string(string query, string ridge2017, string caption)
    {
        var cut = RenderPage(query);

        Assert.Equal(ridge2017, Cell(cut, 2017, "ridge"));
        Assert.StartsWith(caption + " by year", cut.Find("table caption").TextContent);
    }

    [Fact]
    public void Hindsight_strategies_carry_a_visible_label_and_the_legend_explains_it()
    {
        var cut = RenderPage();

        Assert.Equal("hindsight", cut.Find("thead th[data-strategy='oracle'] .bt-badge").TextContent);
        Assert.Equal("honest", cut.Find("thead th[data-strategy='experiment_modeled'] .bt-badge").TextContent);
        Assert.Equal(["oracle"], cut.FindAll("thead th .bt-hindsight").Select(b => b.ParentElement!.GetAttribute("data-strategy")));
        Assert.Contains("upper bounds, not strategies anyone could have played", Normalize(cut.Find(".bt-legend-text").TextContent));
        Assert.Equal("hindsight", cut.Find(".bt-strategy[data-strategy='oracle'] .bt-badge").TextContent);
        Assert.Equal("benchmark", cut.Find("thead th[data-strategy='field_average'] .bt-badge").TextContent);
    }

    [Fact]
    public void The_summary_gives_years_beating_the_real_entry_and_field_and_realized_dollars()
    {
        var cut = RenderPage();

        Assert.Equal(
            "experiment (modeled field) honest: beats the excluded real entry in 1 of 2 years and the field average in 2 of 2; realized $88.00 over all 2 years; mean expected payout (σ = 10) $64.55.",
            Normalize(cut.Find(".bt-summary li[data-strategy='experiment_modeled']").TextContent));
        Assert.Equal("excluded real entry benchmark: realized $200.00 over all 2 years; mean expected payout (σ = 10) $54.33.",
            Normalize(cut.Find(".bt-summary li[data-strategy='real_entry']").TextContent));
        Assert.Contains("hindsight", cut.Find(".bt-summary li[data-strategy='oracle']").TextContent);
    }

    [Fact]
    public void Without_an_embedded_report_the_page_says_how_to_generate_one()
    {
        var cut = RenderPage(withReport: false);

        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindAll("button[data-measure]"));
        var empty = Normalize(cut.Find(".bt-empty").TextContent);
        Assert.Contains("No backtest report is embedded in this build yet", empty);
        Assert.Contains(BacktestReportSource.GenerateCommand, empty);
    }

    [Fact]
    public void The_export_has_one_row_per_year_with_every_measure_in_raw_cents_and_the_ids()
    {
        var table = BacktestTableData.Export(BacktestFixtures.Report);

        Assert.Equal("backtest-1000-7", table.Name);
        Assert.Equal(3 + 5 * 7, table.Columns.Count);
        Assert.Equal(new object?[] { 2017, "calcutta-2017", "P005", 6248L, 12000L, 6100L, 6300L, 0.577, "cand-ridge-2017", "run-ridge-2017" }, table.Rows[0].Take(10));
        Assert.Equal(2, table.Rows.Count);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
