using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Retention;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Retention;

/// <summary>
/// The <c>retention</c> run kind through the grains: dry runs count only, real runs tombstone heavy artifacts and
/// delete their bytes idempotently, inline artifacts and the runs themselves stay. Assertions are about this
/// class's own runs and artifacts; other runs of the cluster only ever add to the counts.
/// </summary>
[Collection(RetentionCollection.Name)]
public sealed class RetentionRunTests(RetentionCluster cluster)
{
    private readonly RunDriver _runs = cluster.Runs;

    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task Dry_run_counts_then_real_runs_tombstone_and_delete_once()
    {
        var (advancement, heavy, metrics) = await AdvancementRunAsync("run-test-retention-adv-1");
        var path = new Uri(heavy.StorageUri!).LocalPath;
        Assert.True(File.Exists(path));

        // A dry run (the default) counts the artifact and changes nothing.
        var (dryRun, dry) = await RetentionAsync("run-test-retention-dry-1", olderThanDays: 0, dryRun: null);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Contains(heavy.ArtifactId, Ids(dry, "artifactIds"));
        Assert.DoesNotContain(metrics.ArtifactId, Ids(dry, "artifactIds"));
        Assert.Equal(0, dry.GetProperty("artifactsTombstoned").GetInt32());
        Assert.Equal(0, dry.GetProperty("bytesDeleted").GetInt64());
        Assert.True(dry.GetProperty("artifactsToTombstone").GetInt32() >= 1);
        Assert.True(dry.GetProperty("bytesToDelete").GetInt64() >= heavy.SizeBytes);
        Assert.True(dry.GetProperty("runsEligible").GetInt32() >= 1);
        Assert.True(dry.GetProperty("runsScanned").GetInt32() >= 2);
        Assert.Equal(dryRun.CreatedAt, dry.GetProperty("cutoff").GetDateTimeOffset());
        Assert.True(File.Exists(path));
        Assert.Equal(Json(heavy), Json(await ArtifactAsync(heavy.ArtifactId)));

        // A cutoff a century back excludes the run.
        var (_, old) = await RetentionAsync("run-test-retention-dry-2", olderThanDays: RetentionParams.MaxOlderThanDays, dryRun: true);
        Assert.DoesNotContain(heavy.ArtifactId, Ids(old, "artifactIds"));

        // A real run tombstones the heavy artifact, then deletes its bytes; the metrics stay inline and the run stays succeeded.
        var (real, first) = await RetentionAsync("run-test-retention-real-1", olderThanDays: 0, dryRun: false);
        Assert.False(first.GetProperty("dryRun").GetBoolean());
        Assert.Contains(heavy.ArtifactId, Ids(first, "artifactIds"));
        Assert.DoesNotContain(heavy.ArtifactId, Ids(first, "missingFileArtifactIds"));
        Assert.True(first.GetProperty("bytesDeleted").GetInt64() >= heavy.SizeBytes);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        var tombstoned = await ArtifactAsync(heavy.ArtifactId);
        Assert.Equal(real.RunId, tombstoned.DeletedByRunId);
        Assert.NotNull(tombstoned.DeletedAt);
        Assert.Equal(Json(heavy with { DeletedAt = tombstoned.DeletedAt, DeletedByRunId = real.RunId }), Json(tombstoned));
        Assert.Equal(Json(metrics), Json(await ArtifactAsync(metrics.ArtifactId)));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(Json(tombstoned), Json(await ArtifactAsync(heavy.ArtifactId))); // the tombstone is stored, not only held
        var after = await Grains.GetGrain<IRunGrain>(advancement.RunId).GetAsync();
        Assert.Equal(RunStatus.Succeeded, after!.Status);
        Assert.Equal(advancement.Artifacts, after.Artifacts);

        // Repeating it is idempotent: the artifact is already tombstoned (by the first run), nothing is deleted twice.
        var (_, second) = await RetentionAsync("run-test-retention-real-2", olderThanDays: 0, dryRun: false);
        Assert.DoesNotContain(heavy.ArtifactId, Ids(second, "artifactIds"));
        Assert.DoesNotContain(heavy.ArtifactId, Ids(second, "missingFileArtifactIds"));
        Assert.True(second.GetProperty("artifactsAlreadyTombstoned").GetInt32() >= 1);
        Assert.Equal(Json(tombstoned), Json(await ArtifactAsync(heavy.ArtifactId)));

        // The grain's tombstone itself: idempotent, never on inline artifacts, nothing for unknown ids.
        var again = await Grains.GetGrain<IArtifactGrain>(heavy.ArtifactId).TombstoneAsync("run-test-retention-other", DateTimeOffset.UnixEpoch);
        Assert.Equal(ArtifactTombstoneOutcome.AlreadyTombstoned, again.Outcome);
        Assert.Equal(Json(tombstoned), Json(again.Record));
        Assert.Equal(ArtifactTombstoneOutcome.Rejected,
            (await Grains.GetGrain<IArtifactGrain>(metrics.ArtifactId).TombstoneAsync(real.RunId, DateTimeOffset.UnixEpoch)).Outcome);
        Assert.Equal(Json(metrics), Json(await ArtifactAsync(metrics.ArtifactId)));
        Assert.Equal(ArtifactTombstoneOutcome.NotFound,
            (await Grains.GetGrain<IArtifactGrain>("art-test-retention-missing").TombstoneAsync(real.RunId, DateTimeOffset.UnixEpoch)).Outcome);
    }

    [Fact]
    public async Task Bytes_removed_by_hand_are_counted_as_already_missing()
    {
        var (_, heavy, _) = await AdvancementRunAsync("run-test-retention-adv-2");
        File.Delete(new Uri(heavy.StorageUri!).LocalPath);

        var (real, output) = await RetentionAsync("run-test-retention-real-3", olderThanDays: 0, dryRun: false);

        Assert.Contains(heavy.ArtifactId, Ids(output, "artifactIds"));
        Assert.Contains(heavy.ArtifactId, Ids(output, "missingFileArtifactIds"));
        Assert.True(output.GetProperty("filesAlreadyMissing").GetInt32() >= 1);
        Assert.Equal(real.RunId, (await ArtifactAsync(heavy.ArtifactId)).DeletedByRunId);
    }

    [Fact]
    public async Task A_retention_run_reports_progress_and_pins_the_run_catalog_as_its_lineage()
    {
        var (run, _) = await RetentionAsync("run-test-retention-dry-3", olderThanDays: 7, dryRun: true);

        var events = await _runs.EventsAsync(run.RunId);
        Assert.Contains(events, e => e.Name == RunEventNames.Progress && e.Phase == "scan");
        Assert.Contains(events, e => e.Name == RunEventNames.Progress && e.Phase == "delete" && e.Percent == 100);
        var metrics = await ArtifactAsync(Assert.Single(run.Artifacts).ArtifactId);
        Assert.Equal(ArtifactKinds.Metrics, metrics.Kind);
        Assert.NotNull(metrics.InlineContent);
        var pinned = Assert.Single(metrics.Lineage.DatasetRefs);
        Assert.Equal((RetentionParams.RunCatalogDatasetKind, RetentionParams.RunCatalogDatasetId), (pinned.Kind, pinned.Id));
        Assert.StartsWith("sha256:", pinned.Digest, StringComparison.Ordinal);
        Assert.Equal(run.CreatedAt - TimeSpan.FromDays(7), JsonDocument.Parse(metrics.InlineContent).RootElement.GetProperty("cutoff").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"kind":"retention"}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":-1}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":1.5}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":"7"}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":7,"dryRun":"false"}""", "dryRun")]
    [InlineData("""{"kind":"retention","olderThanDays":7,"dryRun":0}""", "dryRun")]
    [InlineData("""{"kind":"retention","olderThanDays":7,"keepDays":3}""", "keepDays")]
    public async Task The_planner_rejects_bad_params_by_field(string body, string field)
    {
        var plan = await new RetentionRunPlanner().PlanAsync(JsonNode.Parse(body)!.AsObject(), Grains);

        Assert.Null(plan.Spec);
        Assert.True(plan.Errors.ContainsKey(field), JsonSerializer.Serialize(plan.Errors));
    }

    [Fact]
    public async Task The_planner_fills_in_a_dry_run_and_canonicalizes_the_params()
    {
        var plan = await new RetentionRunPlanner().PlanAsync(JsonNode.Parse("""{"olderThanDays":30,"kind":"retention"}""")!.AsObject(), Grains);

        Assert.NotNull(plan.Spec);
        Assert.Equal("""{"dryRun":true,"olderThanDays":30}""", plan.Spec.ParamsJson);
        Assert.Equal(RunKinds.Retention, plan.Spec.Kind);
        Assert.Empty(plan.Spec.InputArtifactIds);
    }

    private async Task<(RunSnapshot Run, ArtifactRecord Heavy, ArtifactRecord Metrics)> AdvancementRunAsync(string runId)
    {
        await _runs.CreateAsync(runId, await _runs.PlanAdvancementAsync(RunDriver.AdvancementRequest()));
        var run = await _runs.WaitTerminalAsync(runId);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var heavy = await ArtifactAsync(run.Artifacts.Single(a => a.Kind == ArtifactKinds.Advancement).ArtifactId);
        var metrics = await ArtifactAsync(run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId);
        Assert.NotNull(heavy.StorageUri);
        Assert.Null(heavy.DeletedAt);
        Assert.NotNull(metrics.InlineContent);
        return (run, heavy, metrics);
    }

    /// <summary>Plans, creates and waits for a retention run; returns it with its metrics document.</summary>
    private async Task<(RunSnapshot Run, JsonElement Metrics)> RetentionAsync(string runId, int olderThanDays, bool? dryRun)
    {
        var request = new JsonObject { ["kind"] = RunKinds.Retention, ["olderThanDays"] = olderThanDays };
        if (dryRun is { } value)
        {
            request["dryRun"] = value;
        }

        var plan = await new RetentionRunPlanner().PlanAsync(request, Grains);
        Assert.True(plan.Spec is not null, "plan rejected: " + JsonSerializer.Serialize(plan.Errors));
        await _runs.CreateAsync(runId, plan.Spec);
        var run = await _runs.WaitTerminalAsync(runId);
        Assert.True(run.Status == RunStatus.Succeeded, $"retention run {runId} is {run.Status}: {run.LastError}");
        var metrics = await ArtifactAsync(Assert.Single(run.Artifacts).ArtifactId);
        Assert.Null(metrics.StorageUri);
        return (run, JsonDocument.Parse(metrics.InlineContent!).RootElement.Clone());
    }

    private async Task<ArtifactRecord> ArtifactAsync(string artifactId) =>
        await Grains.GetGrain<IArtifactGrain>(artifactId).GetAsync() ?? throw new InvalidOperationException($"no artifact {artifactId}");

    private static string Json(ArtifactRecord? record) => JsonSerializer.Serialize(record);

    private static IReadOnlyList<string> Ids(JsonElement metrics, string property) =>
        metrics.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
