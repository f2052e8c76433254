using System.Text.Json;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Storage;

/// <summary>Stored state survives deactivation: what a grain reads back from storage equals what it held.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StateRoundTripTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Run_artifacts_index_and_datasets_read_back_identically_after_every_grain_is_deactivated()
    {
        const string RunId = "run-test-roundtrip-1";
        var runs = new RunDriver(fixture.Grains);
        await runs.CreateAsync(RunId, await runs.PlanAdvancementAsync(RunDriver.AdvancementRequest("through_round:3", sigma: 8)));
        var run = await runs.WaitTerminalAsync(RunId);
        Assert.Equal(RunStatus.Succeeded, run.Status);

        var before = await ReadAllAsync(run);
        var runReads = fixture.Storage.ReadsOf("run", RunId);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var after = await ReadAllAsync(run);
        Assert.True(fixture.Storage.ReadsOf("run", RunId) > runReads, "the run grain was not reactivated from storage");
        Assert.Equal(before, after);
    }

    private async Task<string> ReadAllAsync(RunSnapshot run)
    {
        var grains = fixture.Grains;
        var artifacts = new List<ArtifactRecord?>();
        foreach (var artifact in run.Artifacts)
        {
            artifacts.Add(await grains.GetGrain<IArtifactGrain>(artifact.ArtifactId).GetAsync());
        }

        var shard = await grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(run.RunId)).QueryAsync(new RunQuery(null, null, null, 1000));
        return JsonSerializer.Serialize(new
        {
            Run = await grains.GetGrain<IRunGrain>(run.RunId).GetAsync(),
            Events = await grains.GetGrain<IRunGrain>(run.RunId).GetEventsAsync(0, 1000),
            Artifacts = artifacts,
            Shard = shard,
            Tournament = await grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync(),
            Pool = await grains.GetGrain<ICalcuttaGrain>("calcutta-2025").GetAsync(),
            Catalog = await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync(),
        });
    }
}
