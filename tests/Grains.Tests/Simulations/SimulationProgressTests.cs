using System.Globalization;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit.Abstractions;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>A simulation run reports its progress: phase, a non-decreasing percent, and its rate.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationProgressTests(OneSiloCluster one, ITestOutputHelper output)
{
    private const long NSims = 3_000_000;

    [Fact]
    public async Task Progress_events_report_the_simulate_phase_a_non_decreasing_percent_up_to_the_end_and_a_rate()
    {
        var runId = SimulationDriver.NewRunId("progress");
        var result = await one.Runs.RunAsync(runId, await one.Runs.PlanAsync(NSims, 17, 25_000));
        var events = await one.Runs.EventsAsync(runId);
        var progress = SimulationDriver.Progress(events);
        foreach (var e in progress)
        {
            output.WriteLine($"{e.Sequence} {e.At:HH:mm:ss.fff} {e.Phase} {e.Percent?.ToString("F2", CultureInfo.InvariantCulture)} {e.Message}");
        }

        output.WriteLine($"run took {result.Run.FinishedAt - result.Run.StartedAt}");
        Assert.NotEmpty(progress);
        Assert.All(progress, e =>
        {
            Assert.Equal("simulate", e.Phase);
            Assert.NotNull(e.Percent);
            Assert.Contains("simulations/s", e.Message, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $" of {NSims:N0} simulations, "), e.Message, StringComparison.Ordinal);
        });
        var percents = progress.Select(e => e.Percent!.Value).ToList();
        Assert.Equal(percents.Order(), percents);

        // Reported every 0.5 s until the fan-out ends (there is no closing 100 % event), so the last report is
        // near the end: within about a second of it, and missing at most about the last second's simulations.
        var duration = (result.Run.FinishedAt - result.Run.StartedAt)!.Value;
        Assert.True(result.Run.FinishedAt - progress[^1].At < TimeSpan.FromSeconds(1.5),
            $"the last progress event came {result.Run.FinishedAt - progress[^1].At} before the end");
        var nearEnd = 100 * (1 - (TimeSpan.FromSeconds(1) / duration));
        Assert.True(percents[^1] >= nearEnd, $"the last progress event says {percents[^1]:F2}% of a {duration} run (expected ≥ {nearEnd:F2}%)");
        Assert.Equal(RunEventNames.Succeeded, events[^1].Name);
    }
}
