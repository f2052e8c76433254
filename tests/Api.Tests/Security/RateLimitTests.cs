using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Per-key limits, configured tiny: a key over its rate gets 429 problems with <c>Retry-After</c> while another key is
/// unaffected; a key holding its most live event streams gets a 429 for one more, another key does not.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.TinyLimitsFixture fixture) : IClassFixture<RateLimitTests.TinyLimitsFixture>
{
    private const string BlockingKind = "test_api_runs_until_cancelled";

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_another_key_is_unaffected()
    {
        using var busy = fixture.Factory.ClientWith(fixture.Keys["reader"]);
        using var other = fixture.Factory.ClientWith(fixture.Keys["analyst"]);

        // A bucket of 6 refilled at 1 a second: of 16 requests at once, 6 (plus a refill or three) pass.
        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => busy.GetAsync("/api/v1/tournaments")));
        var refused = replies.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.All(replies.Except(refused), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.InRange(replies.Length - refused.Count, 6, 9);
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(429, problem["status"]!.GetValue<int>());
            Assert.Contains("'test-reader'", problem["detail"]!.GetValue<string>());
            Assert.DoesNotContain(fixture.Keys["reader"], problem.ToJsonString());
        }

        using var unaffected = await other.GetAsync("/api/v1/tournaments");
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task A_key_holding_its_most_live_event_streams_gets_429_for_one_more_and_another_key_does_not()
    {
        using var admin = fixture.Factory.ClientWith(fixture.Keys["admin"]);
        var runId = await admin.CreateRunAsync($$"""{"kind":"{{BlockingKind}}"}""");
        try
        {
            using var holder = fixture.Factory.ClientWith(fixture.Keys["admin"]);
            using var first = await OpenStreamAsync(holder, runId);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

            using var second = await OpenStreamAsync(holder, runId);
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.NotNull(second.Headers.RetryAfter);
            Assert.Contains("event streams", (await second.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

            // The cap is per key: a JSON read of the same log by the same key, and a stream of another key, still pass.
            Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync($"/api/v1/runs/{runId}/events")).StatusCode);
            using var otherKey = fixture.Factory.ClientWith(fixture.Keys["analyst"]);
            using var third = await OpenStreamAsync(otherKey, runId);
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }
        finally
        {
            (await admin.PostAsync($"/api/v1/runs/{runId}/cancel", null)).Dispose();
        }
    }

    /// <summary>Opens a run's live stream and returns once the headers arrived (the body keeps streaming).</summary>
    private static async Task<HttpResponseMessage> OpenStreamAsync(HttpClient http, string runId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/runs/{runId}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public sealed class TinyLimitsFixture() : SecuredApiFixture(
        new Dictionary<string, string?>
        {
            ["LabSandbox:Auth:RateLimit:PermitsPerSecond"] = "1",
            ["LabSandbox:Auth:RateLimit:Burst"] = "6",
            ["LabSandbox:Auth:RateLimit:EventStreams"] = "1",
        },
        services =>
        {
            services.AddSingleton<IRunPlanner, BlockingPlanner>();
            services.AddSingleton<IRunHandler, BlockingHandler>();
        });

    private sealed class BlockingPlanner : IRunPlanner
    {
        public string Kind => BlockingKind;

        public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
        {
            var tournament = (await grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync())!;
            return RunPlan.Valid(new RunSpec(Kind, "{}", ContentDigest.Hex("{}"),
                [new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest)], [], null, "test"));
        }
    }

    /// <summary>Runs until cancelled, so its event stream stays open.</summary>
    private sealed class BlockingHandler : IRunHandler
    {
        public string Kind => BlockingKind;

        public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
