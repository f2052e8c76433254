using Bunit;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Silo.Backtest;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class ProgressAndBacktestTests : LabComponentTest
{
    [Fact]
    public void A_queued_run_says_it_waits_and_a_running_one_shows_percent_and_rate()
    {
        var queued = Render<SimulationProgress>(p => p.Add(x => x.Status, RunStatus.Queued));
        Assert.Contains("Queued", queued.Find("[role=status]").TextContent);

        var running = Render<SimulationProgress>(p => p.Add(x => x.Status, RunStatus.Running).Add(x => x.Attempt, 1).Add(x => x.Percent, 42.5)
            .Add(x => x.Message, "425,000 of 1,000,000 simulations, 310,000 simulations/s"));
        var status = running.Find("[role=status]").TextContent;
        Assert.Contains("42.5 %", status);
        Assert.Contains("310,000 simulations/s", status);
        Assert.Contains("running", running.Markup);
    }

    /// <summary>Two years of docs/backtest.md (100,000 simulations, seed 2025), as the backtest writes them.</summary>
    private static readonly BacktestResult Fixed = new(100_000, 2025,
    [
        Year("calcutta-2017", 2851, 0.369, 13025, 0.915, 6248, 0.577, 4160, 1977),
        Year("calcutta-2018", 219, 0.046, 23073, 0.732, 5521, 0.285, 6706, 3171),
    ]);

    private static BacktestYear Year(string pool, long naive, double naiveItm, long oracle, double oracleItm, long ridge, double ridgeItm, long excluded, long field) =>
        new(pool, "P005", excluded, field, $"run-baseline-{pool}",
        [
            new("naive_ev", $"cand-n-{pool}", $"run-n-{pool}", naive, naiveItm, 0.5),
            new("oracle", $"cand-o-{pool}", $"run-o-{pool}", oracle, oracleItm, 0.9),
            new("ridge", $"cand-r-{pool}", $"run-r-{pool}", ridge, ridgeItm, 0.7),
        ]);

    [Fact]
    public void The_backtest_table_states_each_year_as_docs_backtest_md_does_with_the_mean_row_and_beats()
    {
        var cut = Render<BacktestTable>(p => p.Add(x => x.Result, Fixed));

        var cells = cut.Find("tr[data-year='2017']").QuerySelectorAll("td").Select(c => Normalize(c.TextContent)).ToList();
        Assert.Equal(["P005", "$28.51 (36.9 %)", "$130.25 (91.5 %)", "$62.48 (57.7 %)", "$41.60", "$19.77"], cells);
        var mean = cut.Find("tfoot tr").QuerySelectorAll("td").Select(c => Normalize(c.TextContent)).ToList();
        Assert.Equal(["", "$15.35", "$180.49", "$58.84", "$54.33", "$25.74"], mean); // half to even: 1535, 18049, 5884.5 → 5884, 5433, 2574
        Assert.Contains("naive_ev: beats the excluded real entry in 0 of 2 years and the field average in 1 of 2.", Normalize(cut.Find("ul").TextContent));
        Assert.Equal("/runs/run-o-calcutta-2018/results?entry=cand-o-calcutta-2018", cut.Find("tr[data-year='2018']").QuerySelectorAll("a")[1].GetAttribute("href"));
    }

    [Fact]
    public void The_backtest_export_has_one_row_per_year_with_raw_cents_and_the_ids_that_reproduce_them()
    {
        var table = BacktestTableData.Export(Fixed);

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(18, table.Columns.Count);
        Assert.Equal(new object?[] { "2017", "calcutta-2017", "P005", 2851L, 0.369, "cand-n-calcutta-2017", "run-n-calcutta-2017" }, table.Rows[0].Take(7));
    }

    [Fact]
    public void The_backtest_chart_draws_five_bars_per_year_with_a_legend()
    {
        var cut = Render<BacktestChart>(p => p.Add(x => x.Result, Fixed));

        Assert.Equal(10, cut.FindAll("rect").Count);
        Assert.Equal(5, cut.FindAll(".sim-legend li").Count);
        Assert.Contains("table lists every value", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_running_backtest_shows_each_track()
    {
        var state = new BacktestState(true, 100_000, 2025, [new("naive_ev", 18, 9, "calcutta-2021 simulated"), new("baseline", 8, 0, null)], null, null);
        var cut = Render<BacktestProgressView>(p => p.Add(x => x.State, state));

        Assert.Contains("9 of 18 steps · calcutta-2021 simulated", Normalize(cut.Markup));
        Assert.Equal(2, cut.FindAll("li").Count);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
