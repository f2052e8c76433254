using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Artifacts;

/// <summary>Downstream lineage: creating a run records it as a user of each artifact it pinned, once, whatever the repeats.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ArtifactUsageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Creating_a_run_records_it_on_each_pinned_input_artifact_once()
    {
        const string Upstream = "art-test-usage-upstream-a";
        const string Other = "art-test-usage-upstream-b";
        var runs = new RunDriver(fixture.Grains);
        var spec = await runs.TestSpecAsync(TestRunKinds.NoLineage, new JsonObject { ["case"] = "usage" });
        spec = spec with { InputArtifactIds = [Upstream, Other, Upstream] };

        var created = await runs.CreateAsync("run-test-usage-1", spec);
        await fixture.Grains.GetGrain<LabSandbox.Grains.Interfaces.Runs.IRunGrain>("run-test-usage-1").CreateAsync(spec); // a repeat
        await runs.CreateAsync("run-test-usage-2", spec with { ParamsJson = spec.ParamsJson, Seed = 2 });

        var uses = await fixture.Grains.GetGrain<IArtifactUsageGrain>(Upstream).GetAsync(0, 10);
        Assert.Equal(2, uses.Total);
        Assert.Equal(["run-test-usage-1", "run-test-usage-2"], uses.Uses.Select(u => u.RunId));
        Assert.All(uses.Uses, u => Assert.Equal(TestRunKinds.NoLineage, u.RunKind));
        Assert.Equal(created.CreatedAt, uses.Uses[0].PinnedAt);
        Assert.Equal(2, (await fixture.Grains.GetGrain<IArtifactUsageGrain>(Other).GetAsync(0, 10)).Total);

        var second = await fixture.Grains.GetGrain<IArtifactUsageGrain>(Upstream).GetAsync(1, 10);
        Assert.Equal("run-test-usage-2", Assert.Single(second.Uses).RunId);
        Assert.Equal(2, second.Total);
    }

    [Fact]
    public async Task An_artifact_no_run_pinned_has_no_uses()
    {
        var uses = await fixture.Grains.GetGrain<IArtifactUsageGrain>("art-test-usage-never").GetAsync(0, 10);
        Assert.Empty(uses.Uses);
        Assert.Equal(0, uses.Total);
    }
}
