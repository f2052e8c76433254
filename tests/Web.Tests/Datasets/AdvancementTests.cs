using System.Globalization;
using Bunit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Datasets.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

public sealed class AdvancementTests : LabComponentTest
{
    [Fact]
    public void The_metrics_artifact_parses_into_the_table()
    {
        var expected = DatasetTestData.Advancement(12, "through_round:2");

        var table = AdvancementTable.Parse("art-adv-1", DatasetTestData.AdvancementJson(expected));

        Assert.Equal((expected.TournamentDigest, "kenpom-logistic", 12.0, "through_round:2"), (table.TournamentDigest, table.ModelKind, table.Sigma, table.StartingState));
        Assert.Equal(expected.Rows.Select(r => (r.TeamId, r.Seed, r.ExpectedPoints)), table.Rows.Select(r => (r.TeamId, r.Seed, r.ExpectedPoints)));
        Assert.Equal(expected.Rows[0].PRound, table.Rows[0].PRound);
    }

    [Fact]
    public void The_heat_map_writes_every_probability_in_its_cell_and_shades_it()
    {
        var cut = Render<AdvancementHeatMap>(p => p.Add(x => x.Table, DatasetTestData.Advancement()));

        var headers = cut.FindAll("thead th").Select(h => h.TextContent).ToList();
        Assert.Equal(["Team", "Seed", "Region", "Round of 64", "Round of 32", "Sweet 16", "Elite Eight", "Final Four", "Final", "Champion", "Expected points"], headers);
        var cells = cut.FindAll("tbody tr")[0].QuerySelectorAll("td.lab-heat-cell");
        Assert.Equal(["100.0%", "95.0%", "80.0%", "60.0%", "45.0%", "30.0%", "20.0%"], cells.Select(c => c.TextContent));
        Assert.Contains("background-color:#1565c0", cells[0].GetAttribute("style"));
        Assert.Contains("background-color:#ffffff", cut.FindAll("tbody tr")[1].QuerySelectorAll("td.lab-heat-cell")[6].GetAttribute("style"));
        Assert.Equal("<0.1%", cut.FindAll("tbody tr")[1].QuerySelectorAll("td.lab-heat-cell")[2].TextContent);
        Assert.Contains("/artifacts/art-adv-1", cut.Markup);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.62)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void Every_shade_keeps_its_number_readable(double p)
    {
        var style = HeatShade.Style(p);
        var background = style.Split(';')[0]["background-color:#".Length..];
        var text = style.Contains("color:#000", StringComparison.Ordinal) ? "000000" : "ffffff";

        Assert.True(Contrast(background, text) >= 4.5, $"{style}: contrast {Contrast(background, text)}");
    }

    [Fact]
    public void Choosing_a_model_or_starting_state_reports_both()
    {
        (double, string)? chosen = null;
        var cut = Render<AdvancementChooser>(p => p
            .Add(x => x.Sigmas, [8.0, 10.0, 12.0]).Add(x => x.Sigma, 10.0).Add(x => x.State, "pre_tournament")
            .Add(x => x.OnChange, (ValueTuple<double, string> c) => chosen = c));

        Assert.Equal("Model: KenPom logistic, σ", cut.Find("label[for=advancement-sigma]").TextContent);
        cut.Find("#advancement-sigma").Change("12");
        Assert.Equal((12.0, "pre_tournament"), chosen);
        cut.Find("#advancement-state").Change("through_round:3");
        Assert.Equal((10.0, "through_round:3"), chosen);
        Assert.Contains("After the Round of 32", cut.Markup);
    }

    [Fact]
    public void Without_a_run_it_offers_to_start_one_and_shows_the_factory_errors()
    {
        var started = false;
        var cut = Render<AdvancementRunState>(p => p
            .Add(x => x.Sigma, 10.0).Add(x => x.State, "pre_tournament").Add(x => x.OnStart, () => started = true)
            .Add(x => x.Errors, new Dictionary<string, string[]> { ["model.sigma"] = ["must be greater than 0"] }));

        Assert.Contains("No advancement run has computed σ = 10", cut.Markup);
        cut.Find("button").Click();
        Assert.True(started);
        Assert.Contains("model.sigma: must be greater than 0", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void A_running_run_shows_its_progress_live()
    {
        var run = new AdvancementRunChoice("run-adv-1", RunStatus.Running, 10, "pre_tournament", true, DateTimeOffset.UnixEpoch, null, 40);
        var cut = Render<AdvancementRunState>(p => p.Add(x => x.Run, run).Add(x => x.Sigma, 10.0).Add(x => x.State, "pre_tournament"));

        var status = cut.Find("[role=status]");
        Assert.Contains("run-adv-1", status.TextContent);
        Assert.Contains("40%", status.TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void A_failed_run_is_said_and_another_can_be_started()
    {
        var run = new AdvancementRunChoice("run-adv-2", RunStatus.Failed, 10, "pre_tournament", true, DateTimeOffset.UnixEpoch, null, null);
        var cut = Render<AdvancementRunState>(p => p.Add(x => x.Run, run).Add(x => x.Sigma, 10.0).Add(x => x.State, "pre_tournament"));

        Assert.Contains("failed", cut.Find("[role=alert]").TextContent);
        Assert.Single(cut.FindAll("button"));
    }

    [Fact]
    public void The_runs_table_links_each_run_and_offers_succeeded_ones_to_the_heat_map()
    {
        AdvancementRunChoice[] runs =
        [
            new("run-adv-3", RunStatus.Succeeded, 12, "post_first_four", true, DateTimeOffset.UnixEpoch, "art-3", null),
            new("run-adv-4", RunStatus.Running, 10, "pre_tournament", false, DateTimeOffset.UnixEpoch, null, 5),
        ];
        var cut = Render<AdvancementRunsTable>(p => p.Add(x => x.Runs, runs).Add(x => x.HrefFor, r => $"/tournaments/2025?sigma={r.Sigma}"));

        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        Assert.Single(cut.FindAll("a[href='/tournaments/2025?sigma=12']"));
        Assert.Contains("(custom scoring)", cut.Markup);
        Assert.Contains("After the First Four", cut.Markup);
    }

    [Fact]
    public void No_runs_is_said_plainly()
    {
        var cut = Render<AdvancementRunsTable>(p => p.Add(x => x.Runs, []).Add(x => x.HrefFor, _ => ""));

        Assert.Contains("No advancement run has used this tournament version yet", cut.Markup);
    }

    private static double Contrast(string a, string b)
    {
        static double L(string hex)
        {
            double C(int i)
            {
                var c = int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return 0.2126 * C(0) + 0.7152 * C(2) + 0.0722 * C(4);
        }

        var (x, y) = (L(a), L(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
