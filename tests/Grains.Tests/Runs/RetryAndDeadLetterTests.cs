using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Runs;

/// <summary>
/// INV-10: a run that always throws is retried with exponential backoff (reproducible jitter from its id), then
/// failed and dead-lettered after exactly five attempts with its last error; every attempt leaves a valid-JSON
/// failure artifact. A requeue runs it again without consuming an attempt.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RetryAndDeadLetterTests(ClusterFixture fixture)
{
    private const int MaxAttempts = 5;

    [Fact]
    public async Task A_run_that_always_throws_is_dead_lettered_after_five_attempts_with_backoff_and_requeue_runs_it_again()
    {
        const string RunId = "run-test-always-throws-1";
        var runs = new RunDriver(fixture.Grains);
        await runs.CreateAsync(RunId, await runs.TestSpecAsync(TestRunKinds.AlwaysThrows, new JsonObject { ["case"] = "dead-letter" }));

        var run = await runs.WaitTerminalAsync(RunId);
        Assert.Equal((RunStatus.Failed, true, MaxAttempts), (run.Status, run.DeadLettered, run.Attempt));
        Assert.Equal("InvalidOperationException: always fails (attempt 5)", run.LastError);
        Assert.NotNull(run.ClaimedBy);
        var events = await runs.EventsAsync(RunId);
        AssertBackoff(RunId, events, attemptsBefore: 0);
        Assert.Equal([RunEventNames.Failed, RunEventNames.DeadLettered], events.TakeLast(2).Select(e => e.Name));
        await AssertFailureArtifactsAsync(run, Enumerable.Range(1, MaxAttempts));

        // A requeue keeps the attempt count and gives the run a fresh set of attempts.
        var requeued = await fixture.Grains.GetGrain<IRunGrain>(RunId).RequeueAsync();
        Assert.Equal(CommandOutcome.Accepted, requeued.Outcome);
        Assert.Equal((RunStatus.Queued, false, MaxAttempts), (requeued.Snapshot!.Status, requeued.Snapshot.DeadLettered, requeued.Snapshot.Attempt));

        var again = await runs.WaitTerminalAsync(RunId);
        Assert.Equal((RunStatus.Failed, true, 2 * MaxAttempts), (again.Status, again.DeadLettered, again.Attempt));
        var all = await runs.EventsAsync(RunId);
        var afterRequeue = all.SkipWhile(e => e.Name != RunEventNames.Requeued).ToList();
        Assert.Equal(RunEventNames.Requeued, afterRequeue[0].Name);
        AssertBackoff(RunId, afterRequeue, attemptsBefore: MaxAttempts);
        await AssertFailureArtifactsAsync(again, Enumerable.Range(1, 2 * MaxAttempts));
    }

    [Fact]
    public async Task Only_a_dead_lettered_run_can_be_requeued()
    {
        const string RunId = "run-test-requeue-not-dead-lettered-1";
        var runs = new RunDriver(fixture.Grains);
        await runs.CreateAsync(RunId, await runs.TestSpecAsync(TestRunKinds.NoMetrics, new JsonObject { ["case"] = "requeue-not-dead-lettered" }));
        var run = await runs.WaitTerminalAsync(RunId);
        Assert.Equal((RunStatus.Failed, false, 1), (run.Status, run.DeadLettered, run.Attempt)); // INV-4 failure: final at once

        var result = await fixture.Grains.GetGrain<IRunGrain>(RunId).RequeueAsync();
        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(run.EventCount, (await fixture.Grains.GetGrain<IRunGrain>(RunId).GetAsync())!.EventCount);
        Assert.Equal(CommandOutcome.NotFound, (await fixture.Grains.GetGrain<IRunGrain>("run-test-requeue-missing-1").RequeueAsync()).Outcome);
    }

    /// <summary>Four retries, each naming the failed attempt, its error and a delay that doubles (±25% jitter, the policy's exact value).</summary>
    private static void AssertBackoff(string runId, IReadOnlyList<RunEvent> events, int attemptsBefore)
    {
        var retries = events.Where(e => e.Name == RunEventNames.RetryScheduled).Take(MaxAttempts - 1).ToList();
        Assert.Equal(MaxAttempts - 1, retries.Count);
        var options = new RunRecoveryOptions { RetryBaseDelay = LabTestClusters.TestRetryBaseDelay, RetryMaxDelay = TimeSpan.FromSeconds(1) };
        for (var k = 1; k <= retries.Count; k++)
        {
            var retry = retries[k - 1];
            Assert.Equal(attemptsBefore + k, retry.Attempt);
            Assert.Equal($"InvalidOperationException: always fails (attempt {attemptsBefore + k})", retry.Error);
            var nominal = LabTestClusters.TestRetryBaseDelay.TotalSeconds * Math.Pow(2, k - 1);
            Assert.InRange(retry.DelaySeconds!.Value, 0.75 * nominal - 1e-3, 1.25 * nominal + 1e-3);
            Assert.Equal(RunRetryPolicy.DelayAfter(runId, k, options).TotalSeconds, retry.DelaySeconds.Value, 9);

            // The next attempt did not start before its delay was up.
            var next = events.First(e => e.Name == RunEventNames.Started && e.Attempt == attemptsBefore + k + 1);
            Assert.True(next.At - retry.At >= TimeSpan.FromSeconds(retry.DelaySeconds.Value) - TimeSpan.FromMilliseconds(5),
                $"attempt {attemptsBefore + k + 1} started {(next.At - retry.At).TotalMilliseconds} ms after a {retry.DelaySeconds * 1000} ms delay");
        }
    }

    /// <summary>One failure artifact per attempt: valid JSON naming the attempt, the exception and its NaN/∞ data as strings.</summary>
    private async Task AssertFailureArtifactsAsync(RunSnapshot run, IEnumerable<int> attempts)
    {
        var failures = run.Artifacts.Where(a => a.Kind == ArtifactKinds.Failure).ToList();
        Assert.Equal(attempts.Count(), failures.Count);
        Assert.DoesNotContain(run.Artifacts, a => a.Kind == ArtifactKinds.Metrics);
        var seen = new List<int>();
        foreach (var failure in failures)
        {
            var record = await fixture.Grains.GetGrain<IArtifactGrain>(failure.ArtifactId).GetAsync();
            Assert.NotNull(record);
            using var document = JsonDocument.Parse(record.InlineContent!);
            var root = document.RootElement;
            seen.Add(root.GetProperty("attempt").GetInt32());
            Assert.Equal("System.InvalidOperationException", root.GetProperty("exceptionType").GetString());
            Assert.Contains("always fails", root.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
            Assert.Equal("NaN", root.GetProperty("data").GetProperty("ratio").GetString());
            Assert.Equal("Infinity", root.GetProperty("data").GetProperty("limit").GetString());
            Assert.Equal("dead-letter", root.GetProperty("params").GetProperty("case").GetString());
            Assert.Contains(root.GetProperty("lastEvents").EnumerateArray(), e => e.GetProperty("name").GetString() == RunEventNames.Started);
        }

        Assert.Equal(attempts.Order(), seen.Order());
    }
}
