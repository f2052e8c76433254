using System.Net;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>
/// Cancel stops a running experiment cleanly (<c>convergenceReason = cancelled</c>, its log ended, its runs
/// stopped); a finished experiment cannot be cancelled (409); unknown ids are 404 on every experiment route.
/// </summary>
[Collection(ExperimentsCollection.Name)]
public sealed class ExperimentCancelTests(ExperimentsFixture fixture)
{
    private static readonly string[] Terminal = ["succeeded", "failed", "cancelled"];

    [Fact]
    public async Task A_running_experiment_cancels_cleanly_and_cancelling_it_again_is_a_conflict()
    {
        var http = fixture.Http;
        const string experimentId = "exp-api-cancel";
        var path = $"{ExperimentApi.Experiments}/{experimentId}";
        await http.CreateExperimentAsync(fixture.Request(experimentId,
            ("maxIterations", 200), ("patience", 200), ("candidatesPerIteration", 8), ("screeningSims", 2_000), ("evaluationSims", 8_000)));

        // Let the search start, so cancel stops work in progress.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetOkAsync(path))["eventCount"]!.GetValue<long>() < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the experiment never started");
            await Task.Delay(20);
        }

        var cancelled = await http.ExpectStatusAsync(HttpMethod.Post, $"{path}/cancel", HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Body.Text("status"));
        Assert.Equal("cancelled", cancelled.Body.Text("convergenceReason"));
        Assert.False(cancelled.Body!["converged"]!.GetValue<bool>());
        Assert.Null(cancelled.Body["result"]);

        var experiment = await http.GetOkAsync(path);
        Assert.Equal("cancelled", experiment.Text("status"));
        Assert.Equal("cancelled", experiment.Text("convergenceReason"));
        Assert.NotNull(experiment["completedAt"]);

        // The log ends with the cancellation; the live stream ends too.
        var events = await http.GetOkAsync($"{path}/events");
        Assert.True(events["ended"]!.GetValue<bool>());
        Assert.Equal("cancelled", events.Text("status"));
        var last = events["events"].Objects().Last();
        Assert.Equal("EXPERIMENT.END", last.Text("type"));
        Assert.Equal("cancelled", last["data"].Text("reason"));
        Assert.Equal("EXPERIMENT.END", (await http.FollowEventsAsync(experimentId, TimeSpan.FromSeconds(30)))[^1].Name);

        // Its work stops: the driver and every simulation run end (a run registered but never created has no status),
        // and nothing more is appended to the log.
        var runsDeadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await http.GetOkAsync($"{path}/runs");
            var driver = await http.GetOkAsync($"/api/v1/runs/{runs.Text("driverRunId")}");
            if (driver.Text("status") == "cancelled" && runs["items"].Objects().All(r => r["status"] is not { } s || Terminal.Contains(s.GetValue<string>())))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < runsDeadline, $"runs still going: driver {driver.Text("status")}, {runs.ToJsonString()}");
            await Task.Delay(50);
        }

        await Task.Delay(500);
        var after = await http.GetOkAsync(path);
        Assert.Equal(experiment["eventCount"]!.GetValue<long>(), after["eventCount"]!.GetValue<long>());
        Assert.Equal("cancelled", after.Text("status"));

        var again = await http.ExpectStatusAsync(HttpMethod.Post, $"{path}/cancel", HttpStatusCode.Conflict);
        Assert.Contains(experimentId, again.Body.Text("detail"));
    }

    [Fact]
    public async Task A_finished_experiment_cannot_be_cancelled()
    {
        var http = fixture.Http;
        const string experimentId = "exp-api-cancel-finished";
        await http.RunExperimentToSuccessAsync(fixture.Request(experimentId, ("masterSeed", 11)));
        await http.ExpectStatusAsync(HttpMethod.Post, $"{ExperimentApi.Experiments}/{experimentId}/cancel", HttpStatusCode.Conflict);
        Assert.Equal("succeeded", (await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}")).Text("status"));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/cancel")]
    [InlineData("GET", "/events")]
    [InlineData("GET", "/iterations")]
    [InlineData("GET", "/runs")]
    public async Task Unknown_experiments_are_404(string method, string suffix)
    {
        var reply = await fixture.Http.ExpectStatusAsync(new HttpMethod(method), $"{ExperimentApi.Experiments}/exp-missing{suffix}", HttpStatusCode.NotFound);
        Assert.Contains("exp-missing", reply.Body.Text("detail"));
        Assert.DoesNotContain("exp-missing", await fixture.Http.ListIdsAsync());
    }
}
