using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using LabSandbox.Api.Tests.Simulations;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>
/// An experiment runs to its end over the API: its result is in integer cents, its best entry is a Lab candidate
/// (source kind <c>experiment</c>) that the Sandbox can evaluate, its iterations are all readable, and every
/// simulation run it made is reachable from it and names its iteration, sample index and purpose.
/// </summary>
[Collection(ExperimentsCollection.Name)]
public sealed class ExperimentResultTests(ExperimentsFixture fixture)
{
    [Fact]
    public async Task An_experiment_succeeds_with_a_result_in_cents_and_its_best_entry_is_a_candidate_the_sandbox_evaluates()
    {
        var http = fixture.Http;
        const string experimentId = "exp-api-result";
        var created = await http.CreateExperimentAsync(fixture.Request(experimentId));
        Assert.Equal(experimentId, created.Text("experimentId"));
        Assert.Contains(created.Text("status"), new[] { "queued", "running" });
        Assert.False(string.IsNullOrEmpty(created.Text("driverRunId")));

        var experiment = await http.WaitForEndAsync(experimentId, TimeSpan.FromMinutes(2));
        Assert.True(experiment.Text("status") == "succeeded", experiment.ToJsonString());
        Assert.Equal(created.Text("driverRunId"), experiment.Text("driverRunId"));
        Assert.Equal(20250321, experiment["config"]!["masterSeed"]!.GetValue<long>());
        Assert.Contains(experiment.Text("convergenceReason"), new[] { "max_iterations", "patience_exhausted", "no_improvement_ci" });
        Assert.InRange(experiment["numIterations"]!.GetValue<int>(), 1, 2);
        Assert.NotNull(experiment["completedAt"]);
        Assert.True(experiment["eventCount"]!.GetValue<long>() >= 2);

        // Money is integer cents everywhere in the result.
        var result = experiment["result"]!.AsObject();
        foreach (var field in new[] { "bestExpectedPayoutCents", "initialExpectedPayoutCents", "finalExpectedPayoutCents" })
        {
            Assert.True(ExperimentApi.IsWholeNumber(result[field]), $"{field}: {result[field]?.ToJsonString()}");
        }

        foreach (var field in new[] { "simulations", "totalCents", "meanCents", "lowCents", "highCents" })
        {
            Assert.True(ExperimentApi.IsWholeNumber(result["improvement"]![field]), $"improvement.{field}: {result["improvement"]![field]?.ToJsonString()}");
        }

        Assert.Equal(2000, result["improvement"]!["simulations"]!.GetValue<long>());
        Assert.Equal(result["improvement"]!["lowCents"]!.GetValue<long>() > 0, result["significant"]!.GetValue<bool>());
        var bestBids = result["bestBids"].Objects().Select(b => (b.Text("teamId"), b["bidPoints"]!.GetValue<int>())).Order().ToList();
        Assert.Equal(bestBids, experiment["incumbentBids"].Objects().Select(b => (b.Text("teamId"), b["bidPoints"]!.GetValue<int>())).Order());

        // The best entry is a candidate made by the experiment, for this pool and its pinned artifacts.
        var bestCandidateId = result.Text("bestCandidateId");
        var candidate = await http.GetOkAsync($"/api/v1/lab/candidates/{bestCandidateId}");
        Assert.Equal("experiment", candidate.Text("sourceKind"));
        Assert.Equal(experimentId, candidate.Text("experimentId"));
        Assert.Equal(result.Text("finalRunId"), candidate.Text("sourceRunId"));
        Assert.Equal(ExperimentsFixture.Pool, candidate.Text("calcuttaId"));
        Assert.Equal(fixture.AdvancementArtifactId, candidate.Text("advancementArtifactId"));
        Assert.Equal(fixture.MarketShareArtifactId, candidate.Text("marketShareArtifactId"));
        Assert.Equal(fixture.ExcludedEntryKey, candidate["excludedEntryKey"]?.GetValue<string>());
        Assert.Equal(bestBids, candidate["bids"].Objects().Select(b => (b.Text("teamId"), b["bidPoints"]!.GetValue<int>())).Order());

        // The list shows it, summarized.
        var summary = (await http.GetOkAsync($"{ExperimentApi.Experiments}?limit=500"))["items"].Objects().Single(i => i.Text("experimentId") == experimentId);
        Assert.Equal("succeeded", summary.Text("status"));
        Assert.Equal(bestCandidateId, summary.Text("bestCandidateId"));
        Assert.Equal(experiment["numIterations"]!.GetValue<int>(), summary["numIterations"]!.GetValue<int>());

        // The Sandbox evaluates it: a copy of the pool with the lab-marked entry replaced by the candidate, in focus.
        const string syntheticId = "syn-exp-api-result";
        await http.CreateEvaluationCopyAsync(syntheticId, ExperimentsFixture.Pool, bestCandidateId);
        var run = await http.RunToSuccessAsync(
            SandboxApi.SimulationRequest(syntheticId, fixture.AdvancementArtifactId, nSims: 5_000, seed: 7), TimeSpan.FromSeconds(60));
        var metrics = await http.GetMetricsAsync(run);
        Assert.Equal(bestCandidateId, metrics.Text("focusCandidateId"));
        var entry = metrics["entries"].Objects().Single(e => e.Text("entryKey") == bestCandidateId);
        Assert.True(ExperimentApi.IsWholeNumber(entry["payoutCentsTotal"]), entry.ToJsonString());
        Assert.DoesNotContain(fixture.ExcludedEntryKey, metrics.EntryKeys());
    }

    [Fact]
    public async Task Iterations_and_runs_of_an_experiment_are_reachable_and_each_run_names_its_place_in_the_search()
    {
        var http = fixture.Http;
        const string experimentId = "exp-api-iterations";
        var experiment = await http.RunExperimentToSuccessAsync(fixture.Request(experimentId, ("masterSeed", 77)));
        var numIterations = experiment["numIterations"]!.GetValue<int>();

        var iterations = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/iterations");
        Assert.Equal(experimentId, iterations.Text("experimentId"));
        Assert.Equal(Enumerable.Range(0, numIterations + 1), iterations["items"].Objects().Select(i => i["iteration"]!.GetValue<int>()));
        Assert.Null(iterations["nextFrom"]);
        Assert.Empty(iterations["items"]![0]!["challengers"]!.AsArray());
        foreach (var iteration in iterations["items"].Objects().Skip(1))
        {
            Assert.Equal(3, iteration["challengers"]!.AsArray().Count);
            Assert.All(iteration["challengers"].Objects(), c => Assert.True(ExperimentApi.IsWholeNumber(c["payout"]!["meanCents"])));
        }

        // Paging: one at a time gives the same iterations.
        var paged = new List<int>();
        int? from = 0;
        while (from is { } next)
        {
            var page = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/iterations?from={next}&limit=1");
            paged.AddRange(page["items"].Objects().Select(i => i["iteration"]!.GetValue<int>()));
            from = page["nextFrom"]?.GetValue<int>();
        }

        Assert.Equal(Enumerable.Range(0, numIterations + 1), paged);

        var runs = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/runs");
        Assert.Equal(experimentId, runs.Text("experimentId"));
        Assert.Equal(experiment.Text("driverRunId"), runs.Text("driverRunId"));
        var items = runs["items"].Objects().ToList();
        Assert.Contains(items, r => r.Text("runPurpose") == "initial");
        Assert.Single(items, r => r.Text("runPurpose") == "final");
        Assert.Equal(experiment["result"].Text("finalRunId"), items.Single(r => r.Text("runPurpose") == "final").Text("runId"));
        Assert.Equal(items.Count, items.Select(r => r.Text("runId")).Distinct().Count());

        // Every run of every iteration is listed, and every listed run names its place in the search.
        var iterationRuns = iterations["items"].Objects().SelectMany(i => i["runs"].Objects()).Select(r => r.Text("runId")).ToHashSet();
        Assert.Subset(items.Select(r => r.Text("runId")).ToHashSet(), iterationRuns);
        foreach (var item in items)
        {
            Assert.Equal("succeeded", item.Text("status"));
            var run = await http.GetOkAsync($"/api/v1/runs/{item.Text("runId")}");
            Assert.Equal("succeeded", run.Text("status"));
            var tag = run["experiment"]!.AsObject();
            Assert.Equal(experimentId, tag.Text("experimentId"));
            Assert.Equal(item["iteration"]!.GetValue<int>(), tag["iteration"]!.GetValue<int>());
            Assert.Equal(item["sampleIndex"]!.GetValue<int>(), tag["sampleIndex"]!.GetValue<int>());
            Assert.Equal(item.Text("runPurpose"), tag.Text("runPurpose"));
        }

        // The driver is a run of kind experiment.
        Assert.Equal("experiment", (await http.GetOkAsync($"/api/v1/runs/{runs.Text("driverRunId")}")).Text("kind"));
    }
}
