using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>
/// A request that throws (a 500) releases its key and keeps no response, so a retry with the same key does the
/// work; the retry's answer below 500 is then kept and replayed.
/// </summary>
public sealed class ServerErrorsAreNotKeptTests : IAsyncLifetime
{
    private const string Kind = "test_idempotency_throws_once";

    private readonly ThrowsOncePlanner _planner = new();

    private readonly LabApiFactory _factory;

    private HttpClient _http = null!;

    public ServerErrorsAreNotKeptTests()
    {
        _factory = new LabApiFactory(services: services => services.AddSingleton<IRunPlanner>(_planner));
    }

    public Task InitializeAsync()
    {
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_500_is_not_replayed_and_the_retry_with_the_same_key_runs_again_and_is_then_replayed()
    {
        var key = IdempotencyApi.NewKey("server-error");
        var json = new JsonObject { ["kind"] = Kind }.ToJsonString();

        var failed = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var retried = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var replayed = await _http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);

        Assert.True(failed.Status == HttpStatusCode.InternalServerError, failed.ToString());
        Assert.True(retried.Status == HttpStatusCode.BadRequest, retried.ToString());
        Assert.False(retried.Replayed);
        Assert.Equal(retried.Body, replayed.Body);
        Assert.True(replayed.Replayed);
        Assert.Equal(2, _planner.Calls);
    }

    /// <summary>Throws on its first plan, then answers every request as invalid.</summary>
    private sealed class ThrowsOncePlanner : IRunPlanner
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string Kind => ServerErrorsAreNotKeptTests.Kind;

        public Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("The first plan fails.")
                : Task.FromResult(RunPlan.Invalid(new Dictionary<string, string[]> { ["kind"] = ["Planned on a later attempt."] }));
    }
}
