using Bunit;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class DistributionTests : LabComponentTest
{
    private static readonly EntryDistributionView Distribution = new("cand-focus", 1000, [250, 100, 150, 0, 0, 0, 0, 0, 0, 0], 500,
        [new PayoutBucket(50_000, 300), new PayoutBucket(10_000, 200)]);

    [Fact]
    public void The_histogram_has_a_zero_bar_for_unpaid_simulations_then_each_amount_in_order()
    {
        var bars = PayoutHistogramData.From(Distribution);

        Assert.Equal([0L, 10_000L, 50_000L], bars.Select(b => b.AmountCents));
        Assert.Equal([500L, 200L, 300L], bars.Select(b => b.Simulations));
        Assert.Equal([0.5, 0.2, 0.3], bars.Select(b => b.Probability));
    }

    [Fact]
    public void The_histogram_draws_one_bar_per_amount_and_lists_them_in_its_table()
    {
        var cut = Render<PayoutHistogram>(p => p.Add(x => x.Distribution, Distribution));

        Assert.Equal(3, cut.FindAll("svg rect").Count);
        Assert.Contains("cand-focus", cut.Find("svg").GetAttribute("aria-label"));
        var cells = cut.FindAll("tbody tr").Select(r => r.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(3, cells.Count);
        Assert.Contains("$0.00", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("500", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("50.000 %", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("$500.00", cut.FindAll("tbody tr")[2].TextContent);
        Assert.Contains("30.000 %", cut.FindAll("tbody tr")[2].TextContent);
    }

    [Fact]
    public void Finishing_positions_are_bars_with_their_probabilities_written_out()
    {
        var cut = Render<PositionBars>(p => p.Add(x => x.EntryKey, "cand-focus").Add(x => x.PositionCounts, Distribution.PositionCounts).Add(x => x.Simulations, 1000));

        var rows = cut.FindAll("li");
        Assert.Equal(10, rows.Count);
        Assert.Contains("1st", rows[0].TextContent);
        Assert.Contains("25.00 %", rows[0].TextContent);
        Assert.Contains("width:100%", rows[0].InnerHtml);
        Assert.Contains("15.00 %", rows[2].TextContent);
    }

    [Fact]
    public void An_entry_without_a_distribution_says_why_instead_of_a_histogram()
    {
        var cut = Render<EntryDetail>(p => p.Add(x => x.Row, SimulationFixtures.Rows[1]).Add(x => x.Simulations, 1000)
            .Add(x => x.DistributionProblem, "The bytes of artifact 'a' were deleted by retention run 'r'."));

        Assert.Contains("deleted by retention", cut.Markup);
        Assert.Empty(cut.FindAll("svg.sim-chart"));
        Assert.Equal(10, cut.FindAll("li").Count);
    }
}
