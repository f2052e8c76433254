using Bunit;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;
using static LabSandbox.Web.Tests.Runs.RunFixtures;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunDetailComponentsTests : LabComponentTest
{
    [Fact]
    public void The_header_shows_kind_status_attempt_claimed_by_seed_engine_and_params_hash()
    {
        var cut = Render<RunHeader>(p => p.Add(x => x.Run, Run(RunStatus.Failed, deadLettered: true, attempt: 5)));

        var facts = cut.FindAll(".run-facts > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("simulation", facts["Kind"]);
        Assert.Contains("failed · dead-lettered", facts["Status"]);
        Assert.Equal("5", facts["Attempt"]);
        Assert.Equal("silo-a", facts["Claimed by"]);
        Assert.Equal("42", facts["Seed"]);
        Assert.Equal("engine-7", facts["Engine version"]);
        Assert.Equal("30.0 s", facts["Duration"]);
        Assert.StartsWith("ab12cd34", facts["Params hash"]);
        Assert.Contains("IOException: disk full", cut.Markup);
    }

    [Theory]
    [InlineData(RunStatus.Queued, false, true, false)]
    [InlineData(RunStatus.Running, false, true, false)]
    [InlineData(RunStatus.Succeeded, false, false, false)]
    [InlineData(RunStatus.Cancelled, false, false, false)]
    [InlineData(RunStatus.Failed, false, false, false)]
    [InlineData(RunStatus.Failed, true, false, true)]
    public void Cancel_shows_for_unfinished_runs_and_requeue_for_dead_lettered_ones(RunStatus status, bool deadLettered, bool cancel, bool requeue)
    {
        var cut = Render<RunActions>(p => p.Add(x => x.RunId, "run-1").Add(x => x.Status, status).Add(x => x.DeadLettered, deadLettered));

        var buttons = cut.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(cancel, buttons.Contains("Cancel run"));
        Assert.Equal(requeue, buttons.Contains("Requeue"));
    }

    [Fact]
    public void Dataset_refs_link_tournaments_by_year_and_pools_by_id_with_their_digests()
    {
        var cut = Render<RunDatasets>(p => p.Add(x => x.Datasets, SimulationSpec().DatasetRefs));

        var links = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/tournaments/2025", "/pools/calcutta-2025"], links);
        Assert.Contains("sha256:t25", cut.Markup);
    }

    [Fact]
    public void Artifacts_link_to_their_pages()
    {
        var cut = Render<RunArtifacts>(p => p.Add(x => x.Artifacts, Run(RunStatus.Succeeded).Artifacts));

        Assert.Equal("/artifacts/art-metrics", cut.Find("a").GetAttribute("href"));
        Assert.Contains("metrics", cut.Markup);
    }

    [Fact]
    public void Params_are_pretty_printed()
    {
        var cut = Render<RunParams>(p => p.Add(x => x.ParamsJson, """{"a":1,"b":{"c":2}}"""));

        Assert.Contains("\n  \"b\": {\n    \"c\": 2", cut.Find("pre").TextContent);
    }

    [Fact]
    public void Only_simulation_runs_have_results()
    {
        Assert.True(DatasetLinks.HasResults(RunKinds.Simulation));
        Assert.True(DatasetLinks.HasResults(RunKinds.PairedSimulation));
        Assert.False(DatasetLinks.HasResults(RunKinds.Advancement));
    }
}
