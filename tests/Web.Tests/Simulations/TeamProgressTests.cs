using Bunit;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class TeamProgressTests : LabComponentTest
{
    private static readonly IReadOnlyList<TeamFrequencies> Simulated =
    [
        new("duke", [0, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1]),
        new("yale", [0, 0.5, 0, 0.5, 0, 0, 0, 0]),
    ];

    private static readonly IReadOnlyList<TeamExact> Exact =
    [
        new("duke", "Duke", 1, "East", [1, 0.9, 0.7, 0.5, 0.3, 0.2, 0.1]),
        new("yale", "Yale", 13, "East", [1, 0.5, 0, 0, 0, 0, 0]),
    ];

    [Fact]
    public void Simulated_reach_is_the_tail_of_the_level_frequencies_and_z_is_in_binomial_standard_errors()
    {
        var rows = TeamProgressComparison.Compare(Simulated, Exact, 10_000);

        var duke = rows.Single(r => r.TeamId == "duke");
        Assert.Equal(1.0, duke.Rounds[0].Simulated, 9);
        Assert.Equal(0.9, duke.Rounds[1].Simulated, 9);
        Assert.Equal(0.7, duke.Rounds[2].Simulated, 9);
        Assert.Equal(0.1, duke.Rounds[6].Simulated, 9);
        Assert.Equal(0, duke.Rounds[6].Z!.Value, 9);
        var yale = rows.Single(r => r.TeamId == "yale");
        Assert.Equal(0.5, yale.Rounds[2].Simulated, 9);
        Assert.Null(yale.Rounds[2].Z); // exact 0, simulated 0.5: no standard error to measure it in
        Assert.Null(yale.MaxAbsZ);
        Assert.Equal(0, yale.Rounds[3].Z);
    }

    [Fact]
    public void A_difference_of_two_standard_errors_reads_as_such()
    {
        var cell = TeamProgressComparison.Cell(0.5 + 2 * Math.Sqrt(0.25 / 10_000), 0.5, 10_000);

        Assert.Equal(2, cell.Z!.Value, 9);
        Assert.Equal("+2.0 SE", SimulationFormat.StandardErrors(cell.Z));
        Assert.Equal("−1.5 SE", SimulationFormat.StandardErrors(-1.5));
    }

    [Fact]
    public void The_table_shows_each_round_with_exact_and_z_and_marks_large_differences()
    {
        var cut = Render<TeamProgressTable>(p => p.Add(x => x.Rows, TeamProgressComparison.Compare(Simulated, Exact, 10_000)).Add(x => x.Simulations, 10_000));

        Assert.Equal(9, cut.FindAll("thead th").Count);
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("1 Duke", rows[0].TextContent);
        Assert.Contains("exact 90.00 %", rows[0].TextContent);
        Assert.Contains("sim-flag", rows[1].InnerHtml);
        Assert.Equal(2, cut.FindAll("button").Count); // CSV and JSON export
    }
}
