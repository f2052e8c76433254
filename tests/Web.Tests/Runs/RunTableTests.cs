using Bunit;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;
using static LabSandbox.Web.Tests.Runs.RunFixtures;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunTableTests : LabComponentTest
{
    [Fact]
    public void Each_run_is_a_row_linking_to_its_page_with_its_status()
    {
        var runs = new[] { Entry("run-b-1", RunStatus.Running, minute: 1), Entry("run-a-1", RunStatus.Failed, deadLettered: true) };

        var cut = Render<RunTable>(p => p.Add(x => x.Runs, runs));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/runs/run-b-1", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("running", rows[0].TextContent);
        Assert.Contains("2026-03-14 12:01:00", rows[0].TextContent);
        Assert.Contains("failed · dead-lettered", rows[1].QuerySelector(".run-status")!.TextContent);
        Assert.Contains("boom", rows[1].TextContent);
        Assert.Equal(7, cut.FindAll("thead th[scope=col]").Count);
    }

    [Fact]
    public void No_runs_shows_the_empty_state_and_no_table()
    {
        var cut = Render<RunTable>(p => p.Add(x => x.Runs, Array.Empty<RunIndexEntry>()));

        Assert.Empty(cut.FindAll("table"));
        Assert.Contains("No runs match these filters.", cut.Markup);
    }

    [Fact]
    public void The_export_keeps_the_rows_order_and_raw_values()
    {
        var export = RunTable.Export([Entry("run-b-1", RunStatus.Running, minute: 1), Entry("run-a-1", RunStatus.Failed, deadLettered: true)]);

        Assert.Equal(["runId", "kind", "status", "deadLettered", "attempt", "createdAt", "claimedBy", "lastError"], export.Columns);
        Assert.Equal(["run-b-1", "run-a-1"], export.Rows.Select(r => r[0]));
        Assert.Equal(true, export.Rows[1][3]);
        Assert.Equal("failed", export.Rows[1][2]);
    }
}
