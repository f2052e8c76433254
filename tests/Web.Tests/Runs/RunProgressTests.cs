using Bunit;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;
using static LabSandbox.Web.Tests.Runs.RunFixtures;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunProgressTests : LabComponentTest
{
    [Fact]
    public void The_rate_is_simulations_done_over_time_between_progress_events()
    {
        var progress = RunProgressModel.Compute(
        [
            Event(1, RunEventNames.Started, 0),
            Event(2, RunEventNames.Progress, 1, phase: "simulate", percent: 10, message: "100,000 of 1,000,000 simulations, 90,000 simulations/s"),
            Event(3, RunEventNames.Progress, 3, phase: "simulate", percent: 50, message: "500,000 of 1,000,000 simulations, 150,000 simulations/s"),
        ], nSims: 1_000_000);

        Assert.NotNull(progress);
        Assert.Equal(50, progress.Percent);
        Assert.Equal(500_000, progress.SimulationsDone);
        Assert.Equal(1_000_000, progress.SimulationsTotal);
        Assert.Equal(200_000, progress.SimulationsPerSecond);
    }

    [Fact]
    public void Without_a_message_the_percent_of_nsims_counts_and_only_the_last_window_is_used()
    {
        var progress = RunProgressModel.Compute(
        [
            Event(1, RunEventNames.Progress, 0, phase: "simulate", percent: 0),
            Event(2, RunEventNames.Progress, 20, phase: "simulate", percent: 20),
            Event(3, RunEventNames.Progress, 25, phase: "simulate", percent: 30),
        ], nSims: 1_000_000);

        // The event at 0 s is older than the 10 s window: the rate is (300,000 − 200,000) / 5 s.
        Assert.Equal(20_000, progress!.SimulationsPerSecond);
    }

    [Fact]
    public void Only_the_latest_attempt_counts_and_one_event_gives_no_rate()
    {
        var progress = RunProgressModel.Compute(
        [
            Event(1, RunEventNames.Progress, 0, phase: "simulate", percent: 80, message: "800 of 1,000 simulations"),
            Event(2, RunEventNames.Started, 1, attempt: 2),
            Event(3, RunEventNames.Progress, 2, attempt: 2, phase: "resume", percent: 40, message: "resumed from a checkpoint of 2 chunk(s)"),
        ], nSims: 1_000);

        Assert.Equal(40, progress!.Percent);
        Assert.Equal("resume", progress.Phase);
        Assert.Null(progress.SimulationsPerSecond);
        Assert.Equal(400, progress.SimulationsDone);
    }

    [Fact]
    public void No_progress_events_means_no_progress()
    {
        Assert.Null(RunProgressModel.Compute([Event(1, RunEventNames.Queued, 0)], nSims: null));
    }

    [Fact]
    public void Nsims_is_read_from_the_params()
    {
        Assert.Equal(1_000_000, RunProgressModel.SimulationsOf("""{"nSims":1000000}"""));
        Assert.Null(RunProgressModel.SimulationsOf("""{"tournamentId":"ncaa-2025"}"""));
    }

    [Fact]
    public void The_panel_shows_percent_phase_and_rate()
    {
        var progress = new RunProgress("simulate", 42.5, "425 of 1,000 simulations", 425, 1_000, 1234.4);

        var cut = Render<RunProgressPanel>(p => p.Add(x => x.Progress, progress).Add(x => x.Status, RunStatus.Running));

        var status = cut.Find("[role=status]").TextContent;
        Assert.Contains("42.5%", status);
        Assert.Contains("simulate", status);
        Assert.Contains("425 of 1,000 simulations", status);
        Assert.Contains("1,234 simulations/s", status);
    }

    [Fact]
    public void A_queued_run_waits_for_an_executor()
    {
        var cut = Render<RunProgressPanel>(p => p.Add(x => x.Progress, null).Add(x => x.Status, RunStatus.Queued));

        Assert.Contains("Waiting for an executor", cut.Markup);
    }
}
