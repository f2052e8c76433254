using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// A cohort simulation is a durable run: on a 3-silo process cluster, with a cohort of all eight real years (synthetic
/// copies of the real pools), the silo executing the <c>cohort_simulation</c> run is killed with SIGKILL mid-way. A
/// survivor runs it again, finds the members' spec-derived runs and the recorded simulation, and the run succeeds with
/// exactly one simulation run per member, each pinned to its member's digest; nothing is recorded or created twice.
/// </summary>
[Collection(FaultTestCollection.Name)]
public sealed class CohortSimulationSiloKillTests(ITestOutputHelper output)
{
    private const long NSims = 1_000_000;

    [Fact]
    public async Task Killing_the_silo_executing_a_cohort_simulation_mid_way_still_ends_with_one_run_per_member()
    {
        await using var cluster = await ProcessCluster.StartAsync("cohort", silos: 3);
        var http = cluster.Http;
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pool in LabCandidatesApi.RealPools)
        {
            var copy = await http.CreateFromCalcuttaAsync($"fault-{pool}", pool);
            digests[copy.Text("syntheticCalcuttaId")] = copy.Digest();
        }

        const string cohortId = "fault-cohort";
        await http.OkAsync(HttpMethod.Post, SandboxApi.Cohorts, new JsonObject
        {
            ["cohortId"] = cohortId,
            ["name"] = "every real year",
            ["members"] = new JsonArray(digests.Keys.Select(k => (JsonNode)k).ToArray()),
            ["settings"] = new JsonObject { ["nSims"] = NSims, ["seed"] = 13, ["startingState"] = "post_first_four", ["excludedEntryPolicy"] = "member" },
        });
        var clock = Stopwatch.StartNew();
        var started = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        Assert.Equal(HttpStatusCode.Accepted, started.Status);

        var running = await FaultRuns.WaitForProgressAsync(cluster, started.RunId, percent: 25);
        var victim = cluster.SiloOf(running["claimedBy"]!.GetValue<string>());
        await victim.KillAsync();
        output.WriteLine($"killed silo :{victim.SiloPort} (the cohort simulation's executor) with SIGKILL at {clock.Elapsed.TotalSeconds:N1} s");

        var run = await cluster.WaitForTerminalAsync(started.RunId, TimeSpan.FromMinutes(4));
        var wall = clock.Elapsed;
        output.WriteLine(await FaultRuns.EventSummaryAsync(cluster, started.RunId));
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.True(run["attempt"]!.GetValue<int>() >= 2, "the killed executor's attempt cannot have completed the run");

        var report = await http.GetMetricsAsync(run);
        var memberRuns = report["runs"].Objects().ToList();
        Assert.Equal(digests.Keys, memberRuns.Select(r => r.Text("syntheticCalcuttaId")));
        foreach (var memberRun in memberRuns)
        {
            var simulation = await cluster.WaitForTerminalAsync(memberRun.Text("runId"), TimeSpan.FromSeconds(10));
            Assert.Equal("succeeded", simulation.Text("status"));
            Assert.Equal(digests[memberRun.Text("syntheticCalcuttaId")], memberRun.Text("digest"));
            Assert.Equal(memberRun.Text("digest"), SandboxApi.DatasetRef(simulation, "synthetic_calcutta").Text("digest"));
        }

        var cohort = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}");
        Assert.Equal(report.Text("simulationId"), Assert.Single(cohort["simulations"]!.AsArray())!.Text("simulationId"));
        var results = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations/{report.Text("simulationId")}/results");
        Assert.True(results["complete"]!.GetValue<bool>(), results.ToJsonString());

        // One run per member, one advancement per tournament, one driver: none created twice by the second attempt.
        var runIds = await http.AllRunIdsAsync();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in new[] { "simulation", "advancement", "cohort_simulation" })
        {
            kinds[kind] = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/runs?kind={kind}&limit=500"))!["items"]!.AsArray().Count;
        }

        Assert.Equal((8, 8, 1), (kinds["simulation"], kinds["advancement"], kinds["cohort_simulation"]));
        Assert.Equal(memberRuns.Select(r => r.Text("runId")).Order(StringComparer.Ordinal),
            runIds.Where(id => id.StartsWith("run-simulation-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(17, runIds.Count);
        FaultRuns.Figures(output, "cohort_simulation + silo SIGKILL", submitted: 1, completed: 1, lost: 0, duplicated: runIds.Count - runIds.Distinct().Count(), wall);
    }
}
