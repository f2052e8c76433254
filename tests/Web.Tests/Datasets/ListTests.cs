using Bunit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Datasets.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

public sealed class ListTests : LabComponentTest
{
    private static readonly TournamentSummary[] Tournaments =
    [
        new("ncaa-2016", 2016, "NCAA Tournament 2016", 68, DatasetTestData.Digest),
        new("ncaa-2025", 2025, "NCAA Tournament 2025", 68, "sha256:short"),
    ];

    private static readonly CalcuttaSummary[] Pools = [new("calcutta-2025", "ncaa-2025", 2025, "Pool 2025", 47, "sha256:pool")];

    [Fact]
    public void Tournaments_link_their_year_and_their_pool_when_there_is_one()
    {
        var cut = Render<TournamentListTable>(p => p.Add(x => x.Tournaments, Tournaments).Add(x => x.Pools, Pools));

        Assert.Single(cut.FindAll("a[href='/tournaments/2016']"));
        Assert.Single(cut.FindAll("a[href='/pools/calcutta-2025']"));
        Assert.Contains("none imported", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Equal("sha256:0123456789ab…", cut.FindAll("tbody tr")[0].QuerySelector("code")!.TextContent);
    }

    [Fact]
    public void No_tournaments_is_said_plainly()
    {
        var cut = Render<TournamentListTable>(p => p.Add(x => x.Tournaments, []));

        Assert.Contains("No tournament has been imported yet", cut.Markup);
    }

    [Fact]
    public void Pools_link_to_their_page_and_their_tournament()
    {
        var cut = Render<PoolListTable>(p => p.Add(x => x.Pools, Pools));

        Assert.Single(cut.FindAll("a[href='/pools/calcutta-2025']"));
        Assert.Single(cut.FindAll("a[href='/tournaments/2025']"));
        Assert.Contains("47", cut.Markup);
        Assert.Contains("No pool has been imported yet", Render<PoolListTable>(p => p.Add(x => x.Pools, [])).Markup);
    }

    [Fact]
    public void Tournament_facts_show_the_whole_digest_and_the_pool()
    {
        var cut = Render<TournamentFacts>(p => p.Add(x => x.Tournament, DatasetTestData.Tournament()).Add(x => x.PoolId, "calcutta-2025"));

        Assert.Contains(DatasetTestData.Digest, cut.Markup);
        Assert.Contains("68 (8 in the First Four)", cut.Markup);
        Assert.Single(cut.FindAll("a[href='/pools/calcutta-2025']"));
    }

    [Fact]
    public void Dataset_runs_link_each_run_with_its_status_and_page_on()
    {
        var page = new DatasetRunsPage(
            [new DatasetRunRow("run-sim-1", "simulation", RunStatus.Failed, true, DateTimeOffset.UnixEpoch, "tournament")], 41,
            new RunCursor(DateTimeOffset.UnixEpoch, "run-sim-1"));
        var cut = Render<DatasetRunsTable>(p => p.Add(x => x.Page, page).Add(x => x.NextHref, "/tournaments/2025?runsAfter=x")
            .Add(x => x.FirstHref, "/tournaments/2025").Add(x => x.HasPrevious, true));

        Assert.Contains("41 runs in all", cut.Markup);
        Assert.Single(cut.FindAll("a[href='/runs/run-sim-1']"));
        Assert.Contains("failed · dead-lettered", cut.Markup);
        Assert.Single(cut.FindAll("a[href='/tournaments/2025?runsAfter=x']"));
        Assert.Equal("First page", cut.Find("a[href='/tournaments/2025']").TextContent);
    }

    [Fact]
    public void No_dataset_runs_is_said_plainly()
    {
        var cut = Render<DatasetRunsTable>(p => p.Add(x => x.Page, new DatasetRunsPage([], 0, null)));

        Assert.Contains("No run has used this dataset version yet", cut.Markup);
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void A_runs_cursor_round_trips_to_the_tick_and_rejects_anything_else()
    {
        var cursor = new RunCursor(new DateTimeOffset(2026, 12, 5, 19, 0, 0, TimeSpan.Zero).AddTicks(1234567), "run-x~1");

        Assert.Equal(cursor, DatasetRunCursor.Decode(DatasetRunCursor.Encode(cursor)));
        Assert.Null(DatasetRunCursor.Decode(null));
        Assert.Null(DatasetRunCursor.Decode("nonsense"));
        Assert.Null(DatasetRunCursor.Decode("-5~run"));
        Assert.Null(DatasetRunCursor.Decode("99999999999999999999~run"));
        Assert.Null(DatasetRunCursor.Decode("5~"));
    }
}
