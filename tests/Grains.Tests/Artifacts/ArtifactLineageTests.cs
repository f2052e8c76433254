using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Artifacts;

/// <summary>INV-5: every artifact names its upstream artifacts and dataset refs; a write without them fails.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ArtifactLineageTests(ClusterFixture fixture)
{
    private static readonly DatasetRef Tournament = new(DatasetKinds.Tournament, "ncaa-2025", "sha256:" + new string('a', 64));

    [Fact]
    public async Task Write_without_lineage_is_rejected_and_stores_nothing()
    {
        const string Id = "art-test-inv5-empty-lineage";
        var grain = fixture.Grains.GetGrain<IArtifactGrain>(Id);
        var before = fixture.Storage.Snapshot().Writes("artifact");

        var empty = await grain.WriteAsync(Record(Id, new ArtifactLineage([], [])));
        var blankUpstream = await grain.WriteAsync(Record(Id, new ArtifactLineage([" "], [Tournament])));
        var digestless = await grain.WriteAsync(Record(Id, new ArtifactLineage([], [Tournament with { Digest = "" }])));

        Assert.Equal(ArtifactWriteOutcome.Rejected, empty.Outcome);
        Assert.Contains("lineage", empty.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ArtifactWriteOutcome.Rejected, blankUpstream.Outcome);
        Assert.Equal(ArtifactWriteOutcome.Rejected, digestless.Outcome);
        Assert.Null(await grain.GetAsync());
        Assert.Equal(before, fixture.Storage.Snapshot().Writes("artifact"));
        Assert.Equal(0, fixture.Storage.WritesOf("artifact", Id));
    }

    [Fact]
    public async Task Artifact_is_write_once_repeat_is_idempotent_and_different_content_conflicts()
    {
        const string Id = "art-test-inv5-write-once";
        var grain = fixture.Grains.GetGrain<IArtifactGrain>(Id);
        var record = Record(Id, new ArtifactLineage(["art-upstream-1"], [Tournament]));

        Assert.Equal(ArtifactWriteOutcome.Written, (await grain.WriteAsync(record)).Outcome);
        Assert.Equal(ArtifactWriteOutcome.AlreadyExists, (await grain.WriteAsync(record)).Outcome);
        var conflict = await grain.WriteAsync(record with { Sha256 = new string('f', 64), InlineContent = "{\"other\":true}" });
        Assert.Equal(ArtifactWriteOutcome.Conflict, conflict.Outcome);
        Assert.Equal(ArtifactWriteOutcome.Rejected, (await grain.WriteAsync(record with { ArtifactId = "art-someone-else" })).Outcome);

        var stored = await grain.GetAsync();
        Assert.NotNull(stored);
        Assert.Equal(record.Sha256, stored.Sha256);
        Assert.Equal(record.InlineContent, stored.InlineContent);
        Assert.Equal(["art-upstream-1"], stored.Lineage.UpstreamArtifactIds);
        Assert.Equal([Tournament], stored.Lineage.DatasetRefs);
        Assert.Equal(1, fixture.Storage.WritesOf("artifact", Id));
    }

    [Fact]
    public async Task Run_whose_metrics_have_no_lineage_fails()
    {
        const string RunId = "run-test-inv5-no-lineage-1";
        var runs = new RunDriver(fixture.Grains);
        await runs.CreateAsync(RunId, await runs.TestSpecAsync(TestRunKinds.NoLineage, new JsonObject { ["case"] = "no-lineage" }));

        var run = await runs.WaitTerminalAsync(RunId);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("lineage", run.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.All(run.Artifacts, a => Assert.Equal(ArtifactKinds.Failure, a.Kind)); // only the attempt's failure snapshot
        Assert.Null(await fixture.Grains.GetGrain<IArtifactGrain>(ArtifactWriter.ArtifactIdFor(RunId, ArtifactKinds.Metrics)).GetAsync());
    }

    private static ArtifactRecord Record(string id, ArtifactLineage lineage) => new(
        id, "run-test-inv5-direct-1", ArtifactKinds.Metrics, "application/json", "{\"ok\":true}", StorageUri: null,
        Sha256: new string('0', 64), SizeBytes: 11, new Dictionary<string, string>(), lineage, DateTimeOffset.UnixEpoch);
}
