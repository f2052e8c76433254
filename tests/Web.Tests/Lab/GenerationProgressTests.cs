using Bunit;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Lab.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Lab;

public sealed class GenerationProgressTests : LabComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_running_generation_shows_its_share_of_pools_and_each_pool_done()
    {
        var progress = new LabGenerationProgress("run-lab-generation-x-pinned", RunStatus.Running, false, 25, null,
        [
            new(1, RunEventNames.Queued, At, null, null),
            new(2, RunEventNames.Started, At, null, null),
            new(3, RunEventNames.Progress, At, "calcutta-2017: created cand-a", null),
            new(4, RunEventNames.Progress, At, "calcutta-2018: created cand-b", null),
        ], null, null);

        var cut = Render<GenerationProgress>(p => p.Add(x => x.Progress, progress));

        Assert.Contains("Running: 25% of the pools done.", cut.Find("[role=status]").TextContent);
        Assert.Equal(["calcutta-2017: created cand-a", "calcutta-2018: created cand-b"], cut.FindAll("ol li").Select(li => li.TextContent));
        Assert.Equal("/runs/run-lab-generation-x-pinned", cut.Find("a[href^='/runs/']").GetAttribute("href"));
    }

    [Fact]
    public void A_succeeded_generation_shows_its_report()
    {
        var report = new Dictionary<string, string> { ["configKey"] = "cfg-1", ["created"] = "6", ["skipped"] = "2", ["failed"] = "0" };
        var progress = new LabGenerationProgress("run-1", RunStatus.Succeeded, false, 100, null, [], "art-report", report);

        var cut = Render<GenerationProgress>(p => p.Add(x => x.Progress, progress));

        Assert.Contains("Succeeded: 6 created, 2 skipped (already existed), 0 failed.", cut.Find("[role=status]").TextContent);
        Assert.Equal("/artifacts/art-report", cut.Find("a[href^='/artifacts/']").GetAttribute("href"));
    }

    [Fact]
    public void A_failed_generation_says_why()
    {
        var progress = new LabGenerationProgress("run-1", RunStatus.Failed, true, 50, "pool calcutta-2019 failed", [], null, null);

        var cut = Render<GenerationProgress>(p => p.Add(x => x.Progress, progress));

        Assert.Contains("dead-lettered", cut.Markup);
        Assert.Contains("pool calcutta-2019 failed", cut.Find("[role=alert]").TextContent);
    }
}
