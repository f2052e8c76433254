using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// A Lab generate is a durable run: on a 3-silo process cluster the silo executing the <c>lab_generation</c> run is
/// killed with SIGKILL after some pools have finished. Its lease lapses, a survivor runs it again, finds every child run
/// by its spec-derived id, and the run succeeds with coverage 8/8 and the report (candidate ids, run ids, counts) of an
/// uninterrupted generate, bit for bit; no child run is duplicated.
/// </summary>
[Collection(FaultTestCollection.Name)]
public sealed class LabGenerationSiloKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_silo_executing_a_generation_mid_way_still_ends_with_the_uninterrupted_candidates()
    {
        var config = LabCandidatesApi.Config("ridge");
        await using var cluster = await ProcessCluster.StartAsync("labgen", silos: 3);
        var clock = Stopwatch.StartNew();
        var started = await cluster.Http.StartRunAsync("/api/v1/lab/candidates/generate", config);
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        output.WriteLine($"generate answered {(int)started.Status} in {started.Elapsed.TotalMilliseconds:N0} ms");

        var running = await FaultRuns.WaitForProgressAsync(cluster, started.RunId, percent: 25);
        var victim = cluster.SiloOf(running["claimedBy"]!.GetValue<string>());
        await victim.KillAsync();
        output.WriteLine($"killed silo :{victim.SiloPort} (the generation's executor) with SIGKILL at {clock.Elapsed.TotalSeconds:N1} s");

        var run = await cluster.WaitForTerminalAsync(started.RunId, TimeSpan.FromMinutes(4));
        var wall = clock.Elapsed;
        output.WriteLine(await FaultRuns.EventSummaryAsync(cluster, started.RunId));
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.True(run["attempt"]!.GetValue<int>() >= 2, "the killed executor's attempt cannot have completed the run");
        var report = await cluster.Http.GetMetricsAsync(run);
        var coverage = (await cluster.Http.GetOkAsync("/api/v1/lab/candidates/coverage"))["configs"].Objects().Single();
        Assert.Equal((8, 8), (coverage["poolsWithCandidate"]!.GetValue<int>(), coverage["totalPools"]!.GetValue<int>()));
        var runIds = await cluster.Http.AllRunIdsAsync();

        // The same generate, uninterrupted, on a fresh in-memory cluster: the same report and the same runs.
        await using var reference = new LabApiFactory();
        using var referenceHttp = reference.CreateClient();
        var expected = await referenceHttp.GenerateAsync(config);
        Assert.True(JsonNode.DeepEquals(expected, report), $"{expected.ToJsonString()}\nvs\n{report.ToJsonString()}");
        Assert.Equal((8, 0, 0), (report["created"]!.GetValue<int>(), report["skipped"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        Assert.Equal((await referenceHttp.AllRunIdsAsync()).Order(StringComparer.Ordinal), runIds.Order(StringComparer.Ordinal));
        Assert.Equal(1 + (3 * 8), runIds.Count);
        FaultRuns.Figures(output, "lab_generation + silo SIGKILL", submitted: 1, completed: 1, lost: 0, duplicated: runIds.Count - runIds.Distinct().Count(), wall);
    }
}
