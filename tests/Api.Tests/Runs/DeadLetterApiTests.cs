using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Runs;

/// <summary>
/// Dead letters through the API: a run kind that always throws ends failed and dead-lettered after five attempts;
/// <c>GET /runs?deadLettered=true</c> shows its attempt count, last error and claimed-by; a requeue keeps the
/// attempt count and runs it again; only dead-lettered runs can be requeued.
/// </summary>
public sealed class DeadLetterApiTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Kind = "test_api_always_fails";

    private readonly LabApiFactory _factory = new(
        new Dictionary<string, string?> { ["LabSandbox:Runs:RetryBaseDelay"] = "00:00:00.020", ["LabSandbox:Runs:RetryMaxDelay"] = "00:00:00.200" },
        services: services =>
        {
            services.AddSingleton<IRunPlanner, AlwaysFailsPlanner>();
            services.AddSingleton<IRunHandler, AlwaysFailsHandler>();
        });

    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_dead_lettered_run_is_listed_with_attempts_error_and_claimed_by_and_a_requeue_runs_it_again()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runId = await _http.CreateRunAsync($$"""{"kind":"{{Kind}}"}""");
        var run = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(20));
        Assert.Equal(("failed", true, 5), (run["status"]!.GetValue<string>(), run["deadLettered"]!.GetValue<bool>(), run["attempt"]!.GetValue<int>()));

        var listed = await DeadLetteredAsync(runId);
        Assert.Equal(5, listed["attempt"]!.GetValue<int>());
        Assert.Equal("InvalidOperationException: always fails (attempt 5)", listed["lastError"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(listed["claimedBy"]!.GetValue<string>()));

        var events = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events"))!["events"]!.AsArray();
        var retries = events.Where(e => e!["name"]!.GetValue<string>() == RunEventNames.RetryScheduled).ToList();
        Assert.Equal(4, retries.Count);
        Assert.All(retries, r => Assert.True(r!["delaySeconds"]!.GetValue<double>() > 0));
        Assert.All(retries, r => Assert.StartsWith("InvalidOperationException", r!["error"]!.GetValue<string>(), StringComparison.Ordinal));

        using var requeue = await _http.PostAsync($"/api/v1/runs/{runId}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        var requeued = (await requeue.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("queued", false, 5), (requeued["status"]!.GetValue<string>(), requeued["deadLettered"]!.GetValue<bool>(), requeued["attempt"]!.GetValue<int>()));

        var again = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(20));
        Assert.Equal(("failed", true, 10), (again["status"]!.GetValue<string>(), again["deadLettered"]!.GetValue<bool>(), again["attempt"]!.GetValue<int>()));
        Assert.Equal(10, (await DeadLetteredAsync(runId))["attempt"]!.GetValue<int>());
        output.WriteLine($"[always throws] backoff delays {string.Join(", ", retries.Select(r => $"{r!["delaySeconds"]!.GetValue<double>() * 1000:N0} ms"))}; "
            + $"runs submitted 1, dead-lettered after 5 attempts, requeued, dead-lettered again after 10; lost 0, duplicated 0, wall time {clock.Elapsed.TotalSeconds:N1} s");
    }

    [Fact]
    public async Task Requeue_of_a_run_that_is_not_dead_lettered_is_a_conflict_and_of_an_unknown_run_a_404()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2025", "pre_tournament"));
        await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(20));
        var before = await _http.GetStringAsync($"/api/v1/runs/{runId}");

        using var conflict = await _http.PostAsync($"/api/v1/runs/{runId}/requeue", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(before, await _http.GetStringAsync($"/api/v1/runs/{runId}"));
        using var missing = await _http.PostAsync("/api/v1/runs/run-missing-1/requeue", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<JsonObject> DeadLetteredAsync(string runId)
    {
        var list = await _http.GetFromJsonAsync<JsonObject>("/api/v1/runs?deadLettered=true&limit=500");
        return list!["items"]!.AsArray().Single(i => i!["runId"]!.GetValue<string>() == runId)!.AsObject();
    }

    private sealed class AlwaysFailsPlanner : IRunPlanner
    {
        public string Kind => DeadLetterApiTests.Kind;

        public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
        {
            var tournament = (await grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync())!;
            return RunPlan.Valid(new RunSpec(Kind, "{}", ContentDigest.Hex("{}"),
                [new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest)], [], null, "test"));
        }
    }

    private sealed class AlwaysFailsHandler : IRunHandler
    {
        public string Kind => DeadLetterApiTests.Kind;

        public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"always fails (attempt {context.Attempt})");
    }
}
