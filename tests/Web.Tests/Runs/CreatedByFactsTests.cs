using Bunit;
using LabSandbox.Api.Features.Experiments.Components;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Api.Features.Sandbox.Components;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Web.Tests.Experiments;
using Xunit;

namespace LabSandbox.Web.Tests.Runs;

/// <summary>The pages show who made a run, an experiment and each synthetic calcutta version ("—" for records older than actors).</summary>
public sealed class CreatedByFactsTests : LabComponentTest
{
    [Fact]
    public void A_runs_facts_name_its_creator()
    {
        var cut = Render<RunHeader>(p => p.Add(x => x.Run, RunFixtures.Run(RunStatus.Running) with { CreatedBy = "alice" }));
        var old = Render<RunHeader>(p => p.Add(x => x.Run, RunFixtures.Run(RunStatus.Running)));

        Assert.Equal("alice", Facts(cut)["Created by"]);
        Assert.Equal("—", Facts(old)["Created by"]);
    }

    [Fact]
    public void An_experiments_config_names_its_creator()
    {
        var cut = Render<ExperimentConfigPanel>(p => p.Add(x => x.Experiment, ExperimentFixtures.Snapshot() with { CreatedBy = "erin" }));

        var terms = cut.FindAll("dt").Select(d => d.TextContent).ToList();
        var details = cut.FindAll("dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal("erin", details[terms.IndexOf("Created by")]);
    }

    [Fact]
    public void The_version_history_names_who_made_each_version()
    {
        IReadOnlyList<SyntheticCalcuttaVersionRef> versions = [new(1, "sha256:one", "alice"), new(2, "sha256:two", "bob"), new(3, "sha256:three")];
        var cut = Render<VersionHistory>(p => p.Add(x => x.SyntheticCalcuttaId, "syn-test").Add(x => x.Versions, versions));

        var madeBy = cut.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()).ToList();
        Assert.Equal(["—", "bob", "alice"], madeBy); // newest first
    }

    private static Dictionary<string, string> Facts(IRenderedComponent<RunHeader> cut) =>
        cut.FindAll(".run-facts > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent.Trim());
}
