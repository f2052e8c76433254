using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// Starting a cohort's simulations never holds the request open while runs execute: it answers 202 with a durable
/// <c>cohort_simulation</c> run at once, which starts a simulation run per member, reports progress per member, and ends
/// succeeded with the recorded simulation as its report. What was a 404 before the work began still is.
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class CohortSimulationRunTests(SandboxLabFixture lab, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Start_answers_202_within_a_second_and_its_run_reports_each_member_and_succeeds_with_one_run_per_member()
    {
        var http = lab.Http;
        const string cohortId = "cohort-run";
        var members = new List<string>();
        foreach (var pool in LabCandidatesApi.RealPools)
        {
            var syntheticId = $"{cohortId}-{pool["calcutta-".Length..]}";
            await http.CreateEvaluationCopyAsync(syntheticId, pool, lab.CandidateIds[pool]);
            members.Add(syntheticId);
        }

        await http.OkAsync(HttpMethod.Post, SandboxApi.Cohorts, new JsonObject
        {
            ["cohortId"] = cohortId,
            ["name"] = "every real year, as a run",
            ["members"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()),
            ["settings"] = new JsonObject { ["nSims"] = 4_000, ["seed"] = 11, ["startingState"] = "post_first_four", ["excludedEntryPolicy"] = "member" },
        });

        var started = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);

        output.WriteLine($"start: {(int)started.Status} in {started.Elapsed.TotalMilliseconds:N0} ms");
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"start took {started.Elapsed.TotalMilliseconds:N0} ms");
        Assert.StartsWith("run-cohort-simulation-", started.RunId);
        var report = await http.ReportOfAsync(started.RunId, TimeSpan.FromMinutes(2));
        Assert.Equal(members, report["runs"].Objects().Select(r => r.Text("syntheticCalcuttaId")));
        Assert.Equal(8, report["runs"].Objects().Select(r => r.Text("runId")).Distinct().Count());
        var cohort = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}");
        Assert.True(JsonNode.DeepEquals(cohort["simulations"]![0]!["runs"], report["runs"]), cohort.ToJsonString());

        var run = await http.GetOkAsync($"/api/v1/runs/{started.RunId}");
        Assert.Equal("cohort_simulation", run.Text("kind"));
        Assert.Equal(members, run["params"]!["members"].Objects().Select(m => m.Text("syntheticCalcuttaId")));
        foreach (var phase in new[] { "start", "simulate" })
        {
            var progress = await http.ProgressEventsAsync(started.RunId, phase);
            Assert.Equal(members, progress.Select(e => e.Text("message").Split(':')[0]).Order(StringComparer.Ordinal));
        }

        var percents = (await http.GetOkAsync($"/api/v1/runs/{started.RunId}/events"))["events"].Objects()
            .Where(e => e.Text("name") == "RUN.PROGRESS").Select(e => e["percent"]!.GetValue<double>()).Order();
        Assert.Equal(Enumerable.Range(1, 16).Select(step => 100.0 * step / 16), percents);

        // The same cohort, unchanged: the same run, already finished.
        var again = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        Assert.Equal((HttpStatusCode.OK, started.RunId), (again.Status, again.RunId));
    }

    [Fact]
    public async Task Starting_again_after_the_run_was_cancelled_starts_its_successor_and_then_finds_it()
    {
        var http = lab.Http;
        const string cohortId = "cohort-cancelled";
        await http.CreateFromCalcuttaAsync($"{cohortId}-2019", "calcutta-2019");
        await http.OkAsync(HttpMethod.Post, SandboxApi.Cohorts, new JsonObject
        {
            ["cohortId"] = cohortId,
            ["name"] = "cancelled once",
            ["members"] = new JsonArray($"{cohortId}-2019"),
            ["settings"] = new JsonObject { ["nSims"] = 2_000_000, ["seed"] = 5, ["startingState"] = "post_first_four", ["excludedEntryPolicy"] = "none" },
        });
        var first = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        var cancelled = await http.SendAsync(HttpMethod.Post, $"/api/v1/runs/{first.RunId}/cancel");
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());

        // A finished run is immutable: the same request now names the next run of the same spec.
        var second = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);

        Assert.Equal((HttpStatusCode.Accepted, $"{first.RunId}-r2"), (second.Status, second.RunId));
        var report = await http.ReportOfAsync(second.RunId, TimeSpan.FromMinutes(2));
        Assert.Equal([$"{cohortId}-2019"], report["runs"].Objects().Select(r => r.Text("syntheticCalcuttaId")));
        Assert.Equal("cancelled", (await http.GetOkAsync($"/api/v1/runs/{first.RunId}")).Text("status"));
        var third = await http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        Assert.Equal((HttpStatusCode.OK, second.RunId), (third.Status, third.RunId));
    }

    [Fact]
    public async Task Starting_an_unknown_cohort_is_a_404_and_starts_no_run()
    {
        var runsBefore = await lab.Http.AllRunIdsAsync();

        var reply = await lab.Http.SendAsync(HttpMethod.Post, $"{SandboxApi.Cohorts}/cohort-missing/simulations");

        Assert.True(reply.Status == HttpStatusCode.NotFound, reply.ToString());
        Assert.Contains("Cohort 'cohort-missing' does not exist.", reply.Text);
        Assert.Equal(runsBefore.Order(StringComparer.Ordinal), (await lab.Http.AllRunIdsAsync()).Order(StringComparer.Ordinal));
    }
}
