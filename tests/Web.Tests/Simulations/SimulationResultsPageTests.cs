using Bunit;
using LabSandbox.Api.Features.Simulations.Pages;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>The results page against a fake cluster holding one fixed run: each state it can be in.</summary>
public sealed class SimulationResultsPageTests : LabComponentTest
{
    private IRenderedComponent<SimulationResults> RenderPage(FakeLab lab, string runId = SimulationFixtures.RunId, string query = "")
    {
        Services.AddSingleton(lab.Cluster);
        Services.AddSingleton<IArtifactStore>(lab);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/runs/{runId}/results{query}");
        return Render<SimulationResults>(p => p.Add(x => x.RunId, runId));
    }

    [Fact]
    public void An_unknown_run_is_a_not_found_page()
    {
        var cut = RenderPage(new FakeLab(), "run-nope");

        cut.WaitForAssertion(() => Assert.Equal("Run not found", cut.Find("h1").TextContent));
        Assert.Contains("run-nope", cut.Markup);
    }

    [Fact]
    public void An_unreachable_cluster_is_a_readable_error()
    {
        var lab = new FakeLab { Failure = new TimeoutException("late") };
        var cut = RenderPage(lab);

        cut.WaitForAssertion(() => Assert.Contains("Could not load run", cut.Find("[role=alert]").TextContent));
        Assert.Contains("did not answer in time", cut.Markup);
        Assert.DoesNotContain("   at ", cut.Markup);
    }

    [Fact]
    public void A_run_of_another_kind_says_so_and_links_to_the_run()
    {
        var cut = RenderPage(SimulationFixtures.Lab(RunStatus.Succeeded, RunKinds.Advancement));

        cut.WaitForAssertion(() => Assert.Contains("is a advancement run", cut.Markup.Replace("<strong>", "").Replace("</strong>", "")));
        Assert.NotEmpty(cut.FindAll($"a[href='/runs/{SimulationFixtures.RunId}']"));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void A_running_run_shows_its_last_progress()
    {
        var lab = SimulationFixtures.Lab(RunStatus.Running);
        lab.Events[SimulationFixtures.RunId] =
        [
            new(1, RunEventNames.Queued, DateTimeOffset.UnixEpoch, 0),
            new(2, RunEventNames.Progress, DateTimeOffset.UnixEpoch, 1, "simulate", 20, "200 of 1,000 simulations, 100 simulations/s"),
            new(3, RunEventNames.Progress, DateTimeOffset.UnixEpoch, 1, "simulate", 60, "600 of 1,000 simulations, 150 simulations/s"),
        ];
        var cut = RenderPage(lab);

        cut.WaitForAssertion(() => Assert.Contains("60.0 %", cut.Find(".sim-progress-text").TextContent));
        Assert.Contains("150 simulations/s", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void A_page_left_open_shows_the_results_when_the_run_finishes()
    {
        var lab = SimulationFixtures.Lab(RunStatus.Running);
        var cut = RenderPage(lab);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".sim-progress-text")));

        lab.Runs[SimulationFixtures.RunId] = SimulationFixtures.Run(RunStatus.Succeeded);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("table[aria-label=Leaderboard] tbody tr").Count), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_failed_run_shows_its_error()
    {
        var lab = new FakeLab();
        lab.Runs[SimulationFixtures.RunId] = SimulationFixtures.Run(RunStatus.Failed, error: "chunk 3 failed");
        var cut = RenderPage(lab);

        cut.WaitForAssertion(() => Assert.Contains("chunk 3 failed", cut.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void A_succeeded_run_shows_its_summary_leaderboard_selected_entry_and_team_progress_from_the_artifacts()
    {
        var cut = RenderPage(SimulationFixtures.Lab(RunStatus.Succeeded), query: "?sort=first&dir=asc&entry=cand-focus");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("table[aria-label=Leaderboard] tbody tr").Count));
        Assert.Equal(["P001", "P002", "cand-focus"], cut.FindAll("table[aria-label=Leaderboard] tbody tr").Select(r => r.GetAttribute("data-entry")));
        Assert.Contains("lab-highlight", cut.Find("tr[data-entry='cand-focus']").ClassName);
        Assert.Contains("calcutta-2025", cut.Find("dl").TextContent);
        Assert.Contains("P009", cut.Find("dl").TextContent);
        Assert.Contains("Entry cand-focus", cut.Find("#entry-detail-title").TextContent);
        Assert.Equal(3, cut.FindAll("figure svg rect").Count);
        Assert.Equal(2, cut.FindAll("table[aria-label='Team progress against the exact advancement model'] tbody tr").Count);
    }

    [Fact]
    public void Deleted_distributions_leave_the_leaderboard_and_say_why_the_histogram_is_missing()
    {
        var lab = SimulationFixtures.Lab(RunStatus.Succeeded);
        lab.Artifacts[SimulationFixtures.DistributionsId] = lab.Artifacts[SimulationFixtures.DistributionsId] with
        {
            DeletedAt = DateTimeOffset.UnixEpoch, DeletedByRunId = "run-retention-1",
        };
        var cut = RenderPage(lab, query: "?entry=P002");

        cut.WaitForAssertion(() => Assert.Contains("deleted by retention run 'run-retention-1'", cut.Markup));
        Assert.Equal(3, cut.FindAll("table[aria-label=Leaderboard] tbody tr").Count);
    }
}
