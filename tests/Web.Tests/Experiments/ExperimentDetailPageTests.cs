using Bunit;
using LabSandbox.Api.Features.Experiments.Pages;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static LabSandbox.Web.Tests.Experiments.ExperimentFixtures;

namespace LabSandbox.Web.Tests.Experiments;

public sealed class ExperimentDetailPageTests : LabComponentTest
{
    private void UseExperiment(FakeExperimentGrain grain)
    {
        var (client, fake) = FakeCluster.Create();
        fake.With<IExperimentGrain>(_ => grain).With<ITournamentGrain>(_ => new NoTournament());
        Services.AddSingleton(client);
    }

    private IRenderedComponent<ExperimentDetailPage> RenderPage(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/experiments/exp-1" + query);
        return Render<ExperimentDetailPage>(p => p.Add(x => x.ExperimentId, "exp-1"));
    }

    [Fact]
    public void A_finished_experiment_shows_its_result_chart_iterations_trace_and_config_and_no_cancel()
    {
        UseExperiment(new FakeExperimentGrain(Snapshot()) { Iterations = Iterations(), Events = Events() });

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal("Search 2025", cut.Find("h1").TextContent));
        Assert.Contains("succeeded", cut.Find(".experiment-status").TextContent);
        Assert.Contains("patience exhausted", cut.Find(".convergence-reason").TextContent);
        Assert.Equal(["Result", "Convergence", "Initial entry and best entry", "Iterations", "Event trace", "Runs", "Config"],
            cut.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal(3, cut.FindAll(".convergence-table tbody tr").Count);
        Assert.Equal(4, cut.FindAll("tr.iteration-row").Count);
        Assert.Equal(5, cut.FindAll("tr.trace-row").Count);
        Assert.Contains("The log is complete.", cut.Find(".trace-status").TextContent);
        Assert.Contains("/lab/candidates/cand-exp-best", cut.Markup);
        Assert.Contains("/runs/run-experiment-exp-1", cut.Markup);
        Assert.Contains("/runs/run-exp-1-i0-s0-initial", cut.Markup);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Cancel experiment"));
    }

    [Fact]
    public void The_trace_filter_comes_from_the_query_string()
    {
        UseExperiment(new FakeExperimentGrain(Snapshot()) { Iterations = Iterations(), Events = Events() });

        var cut = RenderPage("?events=ORCH.PRUNE");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.trace-row")));
        Assert.Equal("ORCH.PRUNE", cut.Find("tr.trace-row").GetAttribute("data-type"));
    }

    [Fact]
    public void An_unknown_id_shows_the_not_found_view()
    {
        UseExperiment(new FakeExperimentGrain(null));

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal("Experiment not found", cut.Find("h1").TextContent));
        Assert.Contains("exp-1", cut.Markup);
    }

    [Fact]
    public void While_the_experiment_loads_the_page_says_so()
    {
        var never = new TaskCompletionSource();
        UseExperiment(new FakeExperimentGrain(Snapshot()) { Read = () => never.Task });

        var cut = RenderPage();

        Assert.Contains("Loading experiment", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void A_failed_read_is_a_readable_error()
    {
        UseExperiment(new FakeExperimentGrain(Snapshot()) { Read = () => throw new TimeoutException("slow") });

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("Could not load experiment", cut.Find("[role=alert]").TextContent));
        Assert.Contains("did not answer in time", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public async Task A_refused_cancel_shows_the_grains_reason_after_confirming()
    {
        UseExperiment(new FakeExperimentGrain(Snapshot(status: ExperimentStatus.Running))
        {
            Iterations = Iterations().Take(1).ToList(),
            CancelResult = new CommandResult<ExperimentSnapshot>(CommandOutcome.Conflict, null, new Dictionary<string, string[]>(), "Experiment 'exp-1' already ended."),
        });

        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("running", cut.Find(".experiment-status").TextContent));
        Assert.Contains("The final paired comparison appears here when the search ends.", cut.Markup);
        // The page re-renders live while the experiment runs: find and click in one turn of the renderer.
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Cancel experiment")).Click());
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Yes, cancel it")).Click());

        cut.WaitForAssertion(() => Assert.Contains("Experiment 'exp-1' already ended.", cut.Find("[role=alert]").TextContent));
        Assert.Contains("The experiment was not cancelled", cut.Find("[role=alert]").TextContent);
    }

    private sealed class NoTournament : ITournamentGrain
    {
        public Task<ImportOutcome> ImportAsync(TournamentSnapshot snapshot) => throw new NotSupportedException();

        public Task<TournamentSnapshot?> GetAsync() => Task.FromResult<TournamentSnapshot?>(null);
    }
}
