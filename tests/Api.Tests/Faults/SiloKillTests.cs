using System.Diagnostics;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// Fault (a): a 3-silo process cluster runs a long simulation and the silo coordinating it is killed with SIGKILL
/// mid-run. Without anyone acting, the attempt's lease lapses, a survivor resumes from the checkpoint, and the run
/// succeeds with the metrics of an uninterrupted run of the same request.
/// </summary>
[Collection(FaultTestCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_coordinators_silo_mid_run_still_succeeds_with_the_uninterrupted_metrics()
    {
        await using var cluster = await ProcessCluster.StartAsync("kill", silos: 3);
        var request = await FaultRuns.SimulationRequestAsync(cluster, seed: 41);
        var clock = Stopwatch.StartNew();
        var runId = await cluster.Http.CreateRunAsync(request.ToJsonString());

        var running = await FaultRuns.WaitForProgressAsync(cluster, runId, percent: 15);
        var victim = cluster.SiloOf(running["claimedBy"]!.GetValue<string>());
        await victim.KillAsync();
        output.WriteLine($"killed silo :{victim.SiloPort} (the coordinator) with SIGKILL at {clock.Elapsed.TotalSeconds:N1} s");

        var run = await cluster.WaitForTerminalAsync(runId, TimeSpan.FromMinutes(4));
        var wall = clock.Elapsed;
        output.WriteLine(await FaultRuns.EventSummaryAsync(cluster, runId));
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.True(run["attempt"]!.GetValue<int>() >= 2, "the killed coordinator's attempt cannot have completed the run");

        // The same request on the survivors, uninterrupted: a new run with the same metrics bytes.
        var referenceId = await cluster.Http.CreateRunAsync(request.ToJsonString());
        var reference = await cluster.WaitForTerminalAsync(referenceId, TimeSpan.FromMinutes(2));
        Assert.Equal("succeeded", reference["status"]!.GetValue<string>());
        Assert.Equal(await FaultRuns.MetricsSha256Async(cluster, reference), await FaultRuns.MetricsSha256Async(cluster, run));
        FaultRuns.Figures(output, "silo SIGKILL", submitted: 1, completed: 1, lost: 0, duplicated: 0, wall);
    }
}
