using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// A cohort evaluates one Lab config over every real year: each member a copy of a real pool with its lab-marked
/// entry replaced by that pool's naive_ev candidate. Its results must be exactly the focus entry's metrics in each
/// member run's metrics artifact (nothing re-simulated, nothing approximated), and their mean; starting it again
/// without edits must find the same runs, and after an edit only the edited member may be run again (INV-7).
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class CohortSimulationTests(SandboxLabFixture lab)
{
    private const long NSims = 40_000;

    [Fact]
    public async Task Cohort_results_are_each_members_focus_metrics_from_its_run_artifact_and_their_mean()
    {
        var http = lab.Http;
        var (cohortId, members) = await CreateCohortAsync("cohort-results");

        var simulation = await StartAsync(cohortId);
        Assert.Equal(1, simulation["sequence"]!.GetValue<int>());
        var runs = simulation["runs"].Objects().ToList();
        Assert.Equal(members.Keys, runs.Select(r => r.Text("syntheticCalcuttaId")));
        var artifacts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var memberRun in runs)
        {
            var member = members[memberRun.Text("syntheticCalcuttaId")];
            var run = await http.WaitForTerminalAsync(memberRun.Text("runId"), TimeSpan.FromSeconds(60));
            Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
            Assert.Equal(member.Digest(), memberRun.Text("digest"));
            Assert.Equal(member.Digest(), SandboxApi.DatasetRef(run, "synthetic_calcutta").Text("digest"));
            Assert.Equal(member.Text("excludedEntryKey"), run["params"].Text("excludedEntryKey"));
            Assert.Equal(member.Text("focusCandidateId"), run["params"].Text("focusCandidateId"));
            Assert.Equal(NSims, run["params"]!["nSims"]!.GetValue<long>());
            artifacts[memberRun.Text("runId")] = await http.GetMetricsAsync(run);
        }

        var results = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations/{simulation.Text("simulationId")}/results");

        Assert.Equal(cohortId, results.Text("cohortId"));
        Assert.Equal(simulation.Text("simulationId"), results.Text("simulationId"));
        Assert.Equal(1, results["sequence"]!.GetValue<int>());
        Assert.True(results["complete"]!.GetValue<bool>(), results.ToJsonString());
        var resultMembers = results["members"].Objects().ToList();
        Assert.Equal(members.Keys, resultMembers.Select(m => m.Text("syntheticCalcuttaId")));
        var expected = new List<ExpectedFocus>();
        foreach (var (member, memberRun) in resultMembers.Zip(runs))
        {
            var context = member.ToJsonString();
            Assert.Equal(memberRun.Text("runId"), member.Text("runId"));
            Assert.Equal(memberRun.Text("digest"), member.Text("digest"));
            Assert.Equal("succeeded", member.Text("status"));
            var run = await http.GetOkAsync($"/api/v1/runs/{member.Text("runId")}");
            Assert.Equal(LabCandidatesApi.ArtifactOfKind(run, "metrics"), member.Text("metricsArtifactId"));

            var focus = ExpectedFocus.From(artifacts[member.Text("runId")]);
            Assert.Equal(members[member.Text("syntheticCalcuttaId")].Text("focusCandidateId"), focus.CandidateId);
            var actual = member["focus"]!.AsObject();
            Assert.Equal(focus.CandidateId, actual.Text("candidateId"));
            Assert.Equal(focus.PayoutCentsTotal, actual["payoutCentsTotal"]!.GetValue<long>());
            Assert.Equal(NSims, actual["simulations"]!.GetValue<long>());
            Assert.Equal(focus.ExpectedPayoutCents, actual["expectedPayoutCents"]!.GetValue<long>());
            Assert.Equal(focus.MeanNormalizedPayout, actual["meanNormalizedPayout"]!.GetValue<double>());
            Assert.Equal(focus.PFirst, actual["pFirst"]!.GetValue<double>());
            Assert.Equal(focus.PInTheMoney, actual["pInTheMoney"]!.GetValue<double>());
            Assert.True(focus.RankPercentile == actual["rankPercentile"]!.GetValue<double>(), $"rank {focus.RankPercentile}: {context}");
            Assert.Equal(focus.FieldEntries, actual["fieldEntries"]!.GetValue<int>());
            expected.Add(focus);
        }

        // The mean weighs each year once: the exact mean payout rounded half-to-even once, and plain means of the rest.
        var mean = results["mean"]!.AsObject();
        Assert.Equal(8, mean["members"]!.GetValue<int>());
        Assert.Equal(RoundHalfEven(expected.Aggregate(BigInteger.Zero, (sum, f) => sum + f.PayoutCentsTotal), NSims * expected.Count), mean["expectedPayoutCents"]!.GetValue<long>());
        Assert.Equal(MeanOf(expected.Select(f => f.MeanNormalizedPayout)), mean["meanNormalizedPayout"]!.GetValue<double>());
        Assert.Equal(MeanOf(expected.Select(f => f.PFirst)), mean["pFirst"]!.GetValue<double>());
        Assert.Equal(MeanOf(expected.Select(f => f.PInTheMoney)), mean["pInTheMoney"]!.GetValue<double>());
        Assert.Equal(MeanOf(expected.Select(f => f.RankPercentile)), mean["rankPercentile"]!.GetValue<double>());

        // The cohort's list of results holds this simulation, the same.
        var all = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/results");
        Assert.True(JsonNode.DeepEquals(new JsonArray(results.DeepClone()), all["simulations"]), all.ToJsonString());
    }

    [Fact]
    public async Task Starting_an_unchanged_cohort_again_reuses_its_runs_and_after_an_edit_only_the_edited_member_runs_again()
    {
        var http = lab.Http;
        var (cohortId, members) = await CreateCohortAsync("cohort-rerun");
        var (firstRunId, first) = await StartRunAsync(cohortId);
        await WaitAllSucceededAsync(first);
        var runsBefore = await http.AllRunIdsAsync();
        var firstResults = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations/{first.Text("simulationId")}/results");
        Assert.True(firstResults["complete"]!.GetValue<bool>(), firstResults.ToJsonString());

        var (againRunId, again) = await StartRunAsync(cohortId, HttpStatusCode.OK);

        Assert.Equal(firstRunId, againRunId);
        Assert.Equal(1, again["sequence"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(first, again), $"{first.ToJsonString()}\nvs\n{again.ToJsonString()}");
        Assert.Equal(runsBefore.Order(StringComparer.Ordinal), (await http.AllRunIdsAsync()).Order(StringComparer.Ordinal));
        Assert.Single((await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}"))["simulations"]!.AsArray());

        // Edit one member: a manual entry added to the 2019 copy.
        var editedId = members.Keys.Single(k => k.EndsWith("-2019", StringComparison.Ordinal));
        var teams = await http.TeamIdsAsync(members[editedId].Text("tournamentId"));
        var edited = await http.PutEntryAsync(editedId, "manual-cohort-edit", SandboxApi.Bids((teams[0], 34), (teams[1], 33), (teams[2], 33)));
        Assert.NotEqual(members[editedId].Digest(), edited.Digest());

        var (secondRunId, second) = await StartRunAsync(cohortId);

        Assert.NotEqual(firstRunId, secondRunId);
        Assert.Equal(2, second["sequence"]!.GetValue<int>());
        Assert.NotEqual(first.Text("simulationId"), second.Text("simulationId"));
        foreach (var (before, after) in first["runs"].Objects().Zip(second["runs"].Objects()))
        {
            Assert.Equal(before.Text("syntheticCalcuttaId"), after.Text("syntheticCalcuttaId"));
            if (after.Text("syntheticCalcuttaId") == editedId)
            {
                Assert.NotEqual(before.Text("runId"), after.Text("runId"));
                Assert.Equal(edited.Digest(), after.Text("digest"));
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(before, after), $"{before.ToJsonString()} vs {after.ToJsonString()}");
            }
        }

        var runsAfter = await http.AllRunIdsAsync();
        var newRunId = second["runs"].Objects().Single(r => r.Text("syntheticCalcuttaId") == editedId).Text("runId");
        Assert.Equal(runsBefore.Append(newRunId).Append(secondRunId).Order(StringComparer.Ordinal), runsAfter.Order(StringComparer.Ordinal));
        await WaitAllSucceededAsync(second);
        var newRun = await http.GetOkAsync($"/api/v1/runs/{newRunId}");
        Assert.Equal(edited.Digest(), SandboxApi.DatasetRef(newRun, "synthetic_calcutta").Text("digest"));
        Assert.Contains("manual-cohort-edit", (await http.GetMetricsAsync(newRun)).EntryKeys());

        // Both simulations stay readable, in order; the first one's results did not move with the edit.
        var secondResults = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations/{second.Text("simulationId")}/results");
        Assert.True(secondResults["complete"]!.GetValue<bool>(), secondResults.ToJsonString());
        var all = await http.GetOkAsync($"{SandboxApi.Cohorts}/{cohortId}/results");
        Assert.True(JsonNode.DeepEquals(new JsonArray(firstResults.DeepClone(), secondResults.DeepClone()), all["simulations"]), all.ToJsonString());
    }

    /// <summary>Copies of all eight real pools set up for evaluation, and a cohort of them under the member policy.</summary>
    private async Task<(string CohortId, Members Members)> CreateCohortAsync(string cohortId)
    {
        var members = new Members();
        foreach (var pool in LabCandidatesApi.RealPools)
        {
            var syntheticId = $"{cohortId}-{pool["calcutta-".Length..]}";
            members.Add(syntheticId, await lab.Http.CreateEvaluationCopyAsync(syntheticId, pool, lab.CandidateIds[pool]));
        }

        var cohort = await lab.Http.OkAsync(HttpMethod.Post, SandboxApi.Cohorts, new JsonObject
        {
            ["cohortId"] = cohortId,
            ["name"] = $"naive_ev over every real year ({cohortId})",
            ["members"] = new JsonArray(members.Keys.Select(k => (JsonNode)k).ToArray()),
            ["settings"] = new JsonObject
            {
                ["nSims"] = NSims,
                ["seed"] = 2026,
                ["startingState"] = "post_first_four",
                ["excludedEntryPolicy"] = "member",
            },
        });
        Assert.Equal(members.Keys, cohort["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Empty(cohort["simulations"]!.AsArray());
        return (cohortId, members);
    }

    /// <summary>The cohort's members by id, in the cohort's order (the years ascending).</summary>
    private sealed class Members
    {
        private readonly List<string> _keys = [];
        private readonly Dictionary<string, JsonObject> _snapshots = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Keys => _keys;

        public JsonObject this[string syntheticCalcuttaId] => _snapshots[syntheticCalcuttaId];

        public void Add(string syntheticCalcuttaId, JsonObject snapshot)
        {
            _keys.Add(syntheticCalcuttaId);
            _snapshots.Add(syntheticCalcuttaId, snapshot);
        }
    }

    /// <summary>
    /// Starts the cohort's simulations: asserts <paramref name="expected"/> (202: a new cohort_simulation run; 200: the
    /// unchanged cohort's run had already finished) with a Location to the run, waits for the run to succeed and returns
    /// its report (the recorded simulation: id, sequence, member runs).
    /// </summary>
    private async Task<(string RunId, JsonObject Report)> StartRunAsync(string cohortId, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        var started = await lab.Http.StartRunAsync($"{SandboxApi.Cohorts}/{cohortId}/simulations", null);
        Assert.Equal(expected, started.Status);
        var report = await lab.Http.ReportOfAsync(started.RunId, TimeSpan.FromMinutes(2));
        Assert.Equal(cohortId, report.Text("cohortId"));
        return (started.RunId, report);
    }

    private async Task<JsonObject> StartAsync(string cohortId) => (await StartRunAsync(cohortId)).Report;

    private async Task WaitAllSucceededAsync(JsonObject simulation)
    {
        foreach (var memberRun in simulation["runs"].Objects())
        {
            var run = await lab.Http.WaitForTerminalAsync(memberRun.Text("runId"), TimeSpan.FromSeconds(60));
            Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
        }
    }

    private static long RoundHalfEven(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = 2 * remainder;
        return (long)(twice > denominator || (twice == denominator && !quotient.IsEven) ? quotient + 1 : quotient);
    }

    private static double MeanOf(IEnumerable<double> values)
    {
        var list = values.ToList();
        var sum = 0.0;
        foreach (var value in list)
        {
            sum += value;
        }

        return sum / list.Count;
    }

    /// <summary>The focus entry's metrics as read straight from a run's metrics artifact, and its rank among the field.</summary>
    private sealed record ExpectedFocus(
        string CandidateId, long PayoutCentsTotal, long ExpectedPayoutCents, double MeanNormalizedPayout, double PFirst, double PInTheMoney,
        double RankPercentile, int FieldEntries)
    {
        public static ExpectedFocus From(JsonObject metrics)
        {
            var candidateId = metrics.Text("focusCandidateId");
            var entries = metrics["entries"].Objects().ToList();
            var focus = entries.Single(e => e.Text("entryKey") == candidateId);
            var total = focus["payoutCentsTotal"]!.GetValue<long>();
            var nSims = metrics["nSims"]!.GetValue<long>();

            // All entries share the run's simulations, so comparing exact payout totals compares expected payouts.
            var below = entries.Count(e => e.Text("entryKey") != candidateId && e["payoutCentsTotal"]!.GetValue<long>() < total);
            var others = entries.Count - 1;
            return new ExpectedFocus(candidateId, total, RoundHalfEven(total, nSims), focus["meanNormalizedPayout"]!.GetValue<double>(),
                focus["pFirst"]!.GetValue<double>(), focus["pInTheMoney"]!.GetValue<double>(), 100.0 * below / others, entries.Count);
        }
    }
}
