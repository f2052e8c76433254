using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// <c>generate</c> never holds the request open while runs execute (a proxy in front would time it out): it answers
/// 202 with a durable <c>lab_generation</c> run at once, and the run does the work, reports progress per pool, and ends
/// succeeded with its report as the metrics artifact.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class LabGenerationRunTests(GeneratedLabFixture lab, Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("naive_ev")]
    [InlineData("oracle")]
    [InlineData("ridge")]
    public async Task Generate_answers_202_within_a_second_and_its_run_succeeds_covering_all_eight_pools(string marketModel)
    {
        var started = lab.Generations[marketModel];
        output.WriteLine($"generate {marketModel}: {(int)started.Status} in {started.Elapsed.TotalMilliseconds:N0} ms");

        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"generate took {started.Elapsed.TotalMilliseconds:N0} ms");
        Assert.StartsWith("run-lab-generation-", started.RunId);
        var run = await lab.Http.GetOkAsync($"/api/v1/runs/{started.RunId}");
        Assert.Equal("succeeded", run.Text("status"));
        Assert.Equal("lab_generation", run.Text("kind"));
        Assert.Equal(lab.Reports[marketModel].Text("configKey"), run["params"].Text("configKey"));
        Assert.Equal(LabCandidatesApi.RealPools, DatasetIds(run, "calcutta"));

        var coverage = (await lab.Http.GetOkAsync("/api/v1/lab/candidates/coverage"))["configs"].Objects()
            .Single(c => c.Text("configKey") == lab.Reports[marketModel].Text("configKey"));
        Assert.Equal((8, 8), (coverage["poolsWithCandidate"]!.GetValue<int>(), coverage["totalPools"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("naive_ev")]
    [InlineData("ridge")]
    public async Task The_run_reports_progress_once_per_pool_ending_at_100_percent(string marketModel)
    {
        var progress = await lab.Http.ProgressEventsAsync(lab.Generations[marketModel].RunId, "pools");

        Assert.Equal(8, progress.Count);
        Assert.Equal(LabCandidatesApi.RealPools, progress.Select(e => e.Text("message").Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.All(progress, e => Assert.Contains(": created cand-", e.Text("message")));
        // Two pools run at a time, so two reports may reach the run in either order; together they count every pool.
        Assert.Equal([12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100], progress.Select(e => e["percent"]!.GetValue<double>()).Order());
    }

    private static IEnumerable<string> DatasetIds(System.Text.Json.Nodes.JsonObject run, string kind) =>
        run["datasetRefs"].Objects().Where(d => d.Text("kind") == kind).Select(d => d.Text("id"));
}
