using System.Diagnostics;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// Fault (c): PostgreSQL (storage, membership and reminders) restarts while a simulation runs on a 2-silo process
/// cluster; the run completes, with the metrics of an uninterrupted run.
/// </summary>
[Collection(FaultTestCollection.Name)]
public sealed class PostgresRestartMidRunTests(ITestOutputHelper output)
{
    private const string RestartVariable = "LABSANDBOX_TEST_PG_RESTART";

    [Fact]
    public async Task A_run_completes_when_postgres_restarts_mid_run()
    {
        var restart = Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } script
            ? script
            : throw new InvalidOperationException($"{RestartVariable} is not set: run ./scripts/test.sh, which provides the restart script.");
        await using var cluster = await ProcessCluster.StartAsync("pg-restart", silos: 2);
        var request = await FaultRuns.SimulationRequestAsync(cluster, seed: 43);
        var clock = Stopwatch.StartNew();
        var runId = await cluster.Http.CreateRunAsync(request.ToJsonString());
        await FaultRuns.WaitForProgressAsync(cluster, runId, percent: 15);

        var restarting = Stopwatch.StartNew();
        using (var process = Process.Start(new ProcessStartInfo("sh", [restart]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }

        output.WriteLine($"PostgreSQL restarted in {restarting.Elapsed.TotalSeconds:N1} s, {clock.Elapsed.TotalSeconds:N1} s into the run");

        var run = await cluster.WaitForTerminalAsync(runId, TimeSpan.FromMinutes(4));
        var wall = clock.Elapsed;
        output.WriteLine(await FaultRuns.EventSummaryAsync(cluster, runId));
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());

        // Right after the restart a pooled connection may still be a dead one: the client retries with its key.
        var referenceId = await FaultRuns.SubmitAsync(cluster, request.ToJsonString(), $"{cluster.ServiceId}-reference", TimeSpan.FromMinutes(1));
        Assert.NotNull(referenceId);
        var reference = await cluster.WaitForTerminalAsync(referenceId, TimeSpan.FromMinutes(2));
        Assert.Equal(await FaultRuns.MetricsSha256Async(cluster, reference), await FaultRuns.MetricsSha256Async(cluster, run));
        FaultRuns.Figures(output, "PostgreSQL restart", submitted: 1, completed: 1, lost: 0, duplicated: 0, wall);
    }
}
