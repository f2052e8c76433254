using System.Security.Cryptography;
using System.Text.Json;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>An <c>advancement</c> run end to end through the grains: plan, allocate, create, execute, read back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdvancementRunTests(ClusterFixture fixture)
{
    private readonly RunDriver _runs = new(fixture.Grains);

    [Fact]
    public async Task Pre_tournament_run_succeeds_with_golden_metrics_and_an_ordered_event_log()
    {
        var spec = await _runs.PlanAdvancementAsync(RunDriver.AdvancementRequest());
        var runId = await fixture.Grains.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
        Assert.StartsWith($"run-{IRunIdAllocatorGrain.KeyFor(spec)}-", runId, StringComparison.Ordinal);

        var queued = await _runs.CreateAsync(runId, spec);
        Assert.Equal(0, queued.Attempt);
        var run = await _runs.WaitTerminalAsync(runId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Attempt);
        Assert.False(string.IsNullOrWhiteSpace(run.ClaimedBy));
        Assert.Null(run.LastError);
        Assert.NotNull(run.StartedAt);
        Assert.True(run.FinishedAt >= run.StartedAt);

        var events = await _runs.EventsAsync(runId);
        Assert.Equal(run.EventCount, events.Count);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(RunEventNames.Queued, events[0].Name);
        Assert.Equal(RunEventNames.Started, events[1].Name);
        Assert.Equal(RunEventNames.Succeeded, events[^1].Name);
        Assert.NotEmpty(events.Skip(2).SkipLast(1));
        Assert.All(events.Skip(2).SkipLast(1), e => Assert.Equal(RunEventNames.Progress, e.Name));
        Assert.All(events.Skip(1), e => Assert.Equal(1, e.Attempt));

        var golden = Golden.Duke2025();
        using var metrics = JsonDocument.Parse(await InlineMetricsAsync(run));
        var duke = metrics.RootElement.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("teamId").GetString() == "duke");
        Assert.Equal(golden.PChampion, duke.GetProperty("pChampion").GetDouble(), 1e-9);
        Assert.Equal(golden.ExpectedPoints, duke.GetProperty("expectedPoints").GetDouble(), 1e-9);
        Assert.Equal(68, metrics.RootElement.GetProperty("teamCount").GetInt32());
        Assert.Equal(1.0, metrics.RootElement.GetProperty("sumPChampion").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Heavy_advancement_artifact_is_in_the_store_with_its_digest_and_lineage()
    {
        var spec = await _runs.PlanAdvancementAsync(RunDriver.AdvancementRequest("through_round:2"));
        var runId = await fixture.Grains.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
        await _runs.CreateAsync(runId, spec);
        var run = await _runs.WaitTerminalAsync(runId);
        Assert.Equal(RunStatus.Succeeded, run.Status);

        Assert.Equal([ArtifactKinds.Advancement, ArtifactKinds.Metrics], run.Artifacts.Select(a => a.Kind));
        var heavy = await fixture.Grains.GetGrain<IArtifactGrain>(run.Artifacts[0].ArtifactId).GetAsync();
        Assert.NotNull(heavy);
        Assert.Null(heavy.InlineContent);
        Assert.NotNull(heavy.StorageUri);
        var bytes = await File.ReadAllBytesAsync(new Uri(heavy.StorageUri).LocalPath);
        Assert.Equal(heavy.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(heavy.SizeBytes, bytes.LongLength);
        Assert.Equal(68, bytes.Count(b => b == (byte)'\n'));
        Assert.Equal(spec.DatasetRefs, heavy.Lineage.DatasetRefs);
        Assert.Equal(runId, heavy.RunId);
    }

    [Fact]
    public async Task Same_request_gives_the_same_params_hash_and_bit_identical_metrics()
    {
        var request = RunDriver.AdvancementRequest("post_first_four", sigma: 11);
        var first = await _runs.PlanAdvancementAsync(request);
        var second = await _runs.PlanAdvancementAsync(request.DeepClone().AsObject());
        Assert.Equal(first.ParamsHash, second.ParamsHash);
        Assert.Equal(first.ParamsJson, second.ParamsJson);

        var allocator = fixture.Grains.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(first));
        var ids = new[] { await allocator.NextRunIdAsync(), await allocator.NextRunIdAsync() };
        Assert.NotEqual(ids[0], ids[1]);
        await Task.WhenAll(_runs.CreateAsync(ids[0], first), _runs.CreateAsync(ids[1], second));
        var runs = await Task.WhenAll(ids.Select(_runs.WaitTerminalAsync));

        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        var digests = new List<string>();
        foreach (var run in runs)
        {
            var metrics = await fixture.Grains.GetGrain<IArtifactGrain>(run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId).GetAsync();
            digests.Add(metrics!.Sha256);
        }

        Assert.NotEqual(runs[0].Artifacts[1].ArtifactId, runs[1].Artifacts[1].ArtifactId);
        Assert.Equal(digests[0], digests[1]);
    }

    [Fact]
    public async Task Creating_the_same_run_twice_is_a_no_op_and_a_different_spec_is_a_conflict()
    {
        var spec = await _runs.PlanAdvancementAsync(RunDriver.AdvancementRequest("through_round:7"));
        const string RunId = "run-test-create-twice-1";
        await _runs.CreateAsync(RunId, spec);
        await _runs.WaitTerminalAsync(RunId);
        var writes = fixture.Storage.WritesOf("run", RunId);

        var again = await fixture.Grains.GetGrain<IRunGrain>(RunId).CreateAsync(spec);
        var other = await fixture.Grains.GetGrain<IRunGrain>(RunId).CreateAsync(spec with { ParamsHash = new string('0', 64) });

        Assert.Equal(CommandOutcome.Accepted, again.Outcome);
        Assert.Equal(RunStatus.Succeeded, again.Snapshot!.Status);
        Assert.Equal(CommandOutcome.Conflict, other.Outcome);
        Assert.Equal(writes, fixture.Storage.WritesOf("run", RunId));
    }

    private async Task<string> InlineMetricsAsync(RunSnapshot run)
    {
        var metricsRef = run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics);
        var record = await fixture.Grains.GetGrain<IArtifactGrain>(metricsRef.ArtifactId).GetAsync();
        Assert.NotNull(record);
        Assert.Equal("application/json", record.ContentType);
        Assert.NotNull(record.InlineContent);
        return record.InlineContent;
    }
}
