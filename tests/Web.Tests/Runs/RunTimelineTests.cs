using Bunit;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;
using static LabSandbox.Web.Tests.Runs.RunFixtures;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunTimelineTests : LabComponentTest
{
    private static readonly RunEvent[] EveryKind =
    [
        Event(1, RunEventNames.Queued, 0),
        Event(2, RunEventNames.Started, 1),
        Event(3, RunEventNames.Progress, 2, phase: "simulate", percent: 10, message: "100 of 1,000 simulations"),
        Event(4, RunEventNames.Progress, 3, phase: "simulate", percent: 40, message: "400 of 1,000 simulations"),
        Event(5, RunEventNames.RetryScheduled, 4, message: "attempt 1 failed; attempt 2 in 2.25 s", delay: 2.25, error: "IOException: disk full"),
        Event(6, RunEventNames.Started, 7, attempt: 2),
        Event(7, RunEventNames.Failed, 8, attempt: 2, message: "IOException: disk full"),
        Event(8, RunEventNames.DeadLettered, 8, attempt: 2, message: "IOException: disk full"),
        Event(9, RunEventNames.Requeued, 20, attempt: 2, message: "requeued after 2 attempt(s)"),
        Event(10, RunEventNames.Started, 21, attempt: 3),
        Event(11, RunEventNames.Cancelled, 22, attempt: 3, message: "cancelled"),
        Event(12, RunEventNames.Succeeded, 23, attempt: 3),
    ];

    [Fact]
    public void Every_event_kind_has_its_item_in_order()
    {
        var cut = Render<RunTimeline>(p => p.Add(x => x.Events, EveryKind));

        var kinds = cut.FindAll(".run-event").Select(e => e.GetAttribute("data-event-kind")).ToList();
        Assert.Equal(["queued", "started", "progress", "retry", "started", "failed", "deadlettered", "requeued", "started", "cancelled", "succeeded"], kinds);
        var titles = cut.FindAll(".run-event h3").Select(h => h.TextContent).ToList();
        Assert.Contains("Attempt 2 started", titles);
        Assert.Contains("Dead-lettered", titles);
    }

    [Fact]
    public void A_retry_shows_its_delay_and_error()
    {
        var cut = Render<RunTimeline>(p => p.Add(x => x.Events, EveryKind));

        var retry = cut.Find(".run-event[data-event-kind=retry]");
        Assert.Contains("Attempt 1 failed; retry scheduled", retry.TextContent);
        Assert.Contains("delay of 2.25 s", retry.TextContent);
        Assert.Contains("Error: IOException: disk full", retry.TextContent);
    }

    [Fact]
    public void Consecutive_progress_of_one_phase_is_one_item_with_its_range()
    {
        var cut = Render<RunTimeline>(p => p.Add(x => x.Events, EveryKind));

        var progress = cut.Find(".run-event[data-event-kind=progress]");
        Assert.Contains("Progress: simulate", progress.TextContent);
        Assert.Contains("10% → 40%", progress.TextContent);
        Assert.Contains("#3–#4 (2 updates)", progress.TextContent);
        Assert.Contains("400 of 1,000 simulations", progress.TextContent);
    }

    [Fact]
    public void Progress_of_another_phase_or_attempt_starts_a_new_item()
    {
        var entries = RunTimelineModel.Build(
        [
            Event(1, RunEventNames.Progress, 1, phase: "load", percent: 0),
            Event(2, RunEventNames.Progress, 2, phase: "simulate", percent: 5),
            Event(3, RunEventNames.Progress, 3, attempt: 2, phase: "simulate", percent: 6),
        ]);

        Assert.Equal(3, entries.Count);
    }

    [Fact]
    public void No_events_says_so()
    {
        var cut = Render<RunTimeline>(p => p.Add(x => x.Events, Array.Empty<RunEvent>()));

        Assert.Contains("No events yet.", cut.Markup);
    }
}
