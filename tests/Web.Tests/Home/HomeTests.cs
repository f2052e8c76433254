using Bunit;
using HomePage = LabSandbox.Api.Components.Pages.Home;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Home;
using LabSandbox.Api.Features.Home.Components;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Web.Tests.Datasets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Home;

public sealed class HomeTests : LabComponentTest
{
    private readonly FakeCluster cluster = new();

    [Fact]
    public void Datasets_at_a_glance_link_each_years_tournament_and_pool_newest_first()
    {
        DatasetYear[] years =
        [
            new(2016, new TournamentSummary("ncaa-2016", 2016, "NCAA 2016", 68, "sha256:a"), null),
            new(2025, new TournamentSummary("ncaa-2025", 2025, "NCAA 2025", 68, "sha256:b"), new CalcuttaSummary("calcutta-2025", "ncaa-2025", 2025, "Pool", 47, "sha256:c")),
        ];
        var cut = Render<DatasetsAtAGlance>(p => p.Add(x => x.Years, years));

        Assert.Equal(["2025", "2016"], cut.FindAll("tbody th").Select(h => h.TextContent));
        Assert.Equal("47 entries", cut.Find("a[href='/pools/calcutta-2025']").TextContent);
        Assert.Single(cut.FindAll("a[href='/tournaments/2016']"));
        Assert.Contains("no pool", cut.Markup);
        Assert.Contains("2 tournaments and 1 pools", cut.Markup);
        Assert.Contains("No real data has been imported yet", Render<DatasetsAtAGlance>(p => p.Add(x => x.Years, [])).Markup);
    }

    [Fact]
    public void Run_tiles_count_each_status_and_link_the_filtered_list()
    {
        var cut = Render<RunStatusTiles>(p => p.Add(x => x.Counts, new RunStatusCounts(1, 2, 1234, 4, 5, 3)));

        Assert.Equal("1,234succeeded", cut.Find("a[href='/runs?status=succeeded']").TextContent.Replace("\n", "").Replace(" ", ""));
        Assert.Equal("3dead-lettered", cut.Find("a[href='/runs?deadLettered=true']").TextContent.Replace("\n", "").Replace(" ", ""));
        Assert.Contains("1,246 runs in all", cut.Markup);
    }

    [Fact]
    public void Dead_letters_link_each_run_and_see_all()
    {
        var cut = Render<DeadLettersPanel>(p => p.Add(x => x.Runs,
            [new DeadLetterRow("run-dead-1", "simulation", DateTimeOffset.UnixEpoch, 3, new string('x', 300))]));

        Assert.Single(cut.FindAll("a[href='/runs/run-dead-1']"));
        Assert.Contains("3 attempts", cut.Markup);
        Assert.Contains(new string('x', 160) + "…", cut.Markup);
        Assert.Single(cut.FindAll("a[href='/runs?deadLettered=true']"));
        Assert.Contains("Nothing needs attention", Render<DeadLettersPanel>(p => p.Add(x => x.Runs, [])).Markup);
    }

    [Fact]
    public void Recent_experiments_link_to_their_pages_or_invite_to_start_one()
    {
        var cut = Render<RecentExperimentsList>(p => p.Add(x => x.Experiments,
            [new RecentExperiment("exp-1", "ridge search", ExperimentStatus.Running, 4, DateTimeOffset.UnixEpoch, "calcutta-2025")]));

        Assert.Equal("ridge search", cut.Find("a[href='/experiments/exp-1']").TextContent);
        Assert.Contains("running · 4 iterations · calcutta-2025", cut.Markup);
        Assert.Single(Render<RecentExperimentsList>(p => p.Add(x => x.Experiments, [])).FindAll("a[href='/experiments/new']"));
    }

    [Fact]
    public void Quick_actions_go_where_an_analyst_starts()
    {
        var cut = Render<QuickActions>();

        Assert.Equal(["/simulations/new", "/lab", "/runs/new", "/sandbox/calcuttas", "/experiments/new"],
            cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_home_page_sums_the_shards_counts_and_lists_the_newest_dead_letters()
    {
        Services.AddSingleton(cluster.Client);
        cluster
            .On<IDatasetCatalogGrain>(nameof(IDatasetCatalogGrain.GetAsync), _ => Task.FromResult(new DatasetCatalog(["ncaa-2025"], ["calcutta-2025"])))
            .On<ITournamentGrain>(nameof(ITournamentGrain.GetAsync), _ => Task.FromResult<TournamentSnapshot?>(DatasetTestData.Tournament()))
            .On<ICalcuttaGrain>(nameof(ICalcuttaGrain.GetAsync), _ => Task.FromResult<CalcuttaSnapshot?>(DatasetTestData.Pool()))
            .On<IRunIndexGrain>(nameof(IRunIndexGrain.CountAsync), _ => Task.FromResult(new RunStatusCounts(1, 0, 2, 0, 0, 1)))
            .On<IRunIndexGrain>(nameof(IRunIndexGrain.QueryAsync), (key, _) => Task.FromResult<IReadOnlyList<RunIndexEntry>>(key == RunIndex.ShardKey(3)
                ? [new RunIndexEntry("run-dead-3", "simulation", RunStatus.Failed, true, DateTimeOffset.UnixEpoch, 3, "boom")]
                : []))
            .On<IExperimentCatalogGrain>(nameof(IExperimentCatalogGrain.ListAsync), _ => Task.FromResult<IReadOnlyList<string>>([]));

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("24 runs in all", cut.Markup));
        Assert.Equal("LabSandbox", cut.Find("h1").TextContent);
        Assert.Single(cut.FindAll("a[href='/runs/run-dead-3']"));
        Assert.Single(cut.FindAll("a[href='/pools/calcutta-2025']"));
        Assert.Contains("No experiment yet", cut.Markup);
    }

    [Fact]
    public void A_panel_that_fails_says_so_while_the_others_still_show()
    {
        Services.AddSingleton(cluster.Client);
        cluster
            .On<IDatasetCatalogGrain>(nameof(IDatasetCatalogGrain.GetAsync), _ => Task.FromResult(new DatasetCatalog([], [])))
            .On<IRunIndexGrain>(nameof(IRunIndexGrain.CountAsync), _ => Task.FromException<RunStatusCounts>(new TimeoutException()))
            .On<IRunIndexGrain>(nameof(IRunIndexGrain.QueryAsync), _ => Task.FromResult<IReadOnlyList<RunIndexEntry>>([]))
            .On<IExperimentCatalogGrain>(nameof(IExperimentCatalogGrain.ListAsync), _ => new TaskCompletionSource<IReadOnlyList<string>>().Task);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("Could not load run counts", cut.Markup));
        Assert.Contains("the cluster did not answer in time", cut.Markup);
        Assert.Contains("No real data has been imported yet", cut.Markup);
        Assert.Contains("Loading experiments", cut.Markup);
    }
}
