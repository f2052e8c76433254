using Bunit;
using LabSandbox.Api.Features.Simulations.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class SimulationProgressTests : LabComponentTest
{
    [Fact]
    public void A_queued_run_says_it_waits_and_a_running_one_shows_percent_and_rate()
    {
        var queued = Render<SimulationProgress>(p => p.Add(x => x.Status, RunStatus.Queued));
        Assert.Contains("Queued", queued.Find("[role=status]").TextContent);

        var running = Render<SimulationProgress>(p => p.Add(x => x.Status, RunStatus.Running).Add(x => x.Attempt, 1).Add(x => x.Percent, 42.5)
            .Add(x => x.Message, "425,000 of 1,000,000 simulations, 310,000 simulations/s"));
        var status = running.Find("[role=status]").TextContent;
        Assert.Contains("42.5 %", status);
        Assert.Contains("310,000 simulations/s", status);
        Assert.Contains("running", running.Markup);
    }
}
