using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.TestSupport;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>Idempotency records are durable: on PostgreSQL, a key still replays (and still refuses another request) after the host restarts.</summary>
public sealed class KeysSurviveARestartOnPostgresTests
{
    [Fact]
    public async Task After_a_restart_the_same_key_replays_the_first_202_and_a_different_body_is_still_422()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString };
        var key = IdempotencyApi.NewKey("restart");
        var json = IdempotencyApi.RunRequest(sigma: 21);
        IdempotencyApi.Reply first;
        int runs;
        string serviceId;
        await using (var before = new LabApiFactory(settings))
        {
            serviceId = before.ServiceId;
            var http = before.CreateClient();
            first = await http.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
            Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
            runs = await http.CountRunsAsync();
        }

        await using var after = new LabApiFactory(settings, serviceId);
        var again = after.CreateClient();
        var replay = await again.PostWithKeyAsync(IdempotencyApi.Runs, json, key);
        var other = await again.PostWithKeyAsync(IdempotencyApi.Runs, IdempotencyApi.RunRequest(sigma: 22), key);

        Assert.Equal(HttpStatusCode.Accepted, replay.Status);
        Assert.True(replay.Replayed);
        Assert.Equal(first.Body, replay.Body);
        Assert.Equal(first.Location, replay.Location);
        Assert.Equal(first.ContentType, replay.ContentType);
        IdempotencyApi.AssertProblemNamingKey(other, HttpStatusCode.UnprocessableEntity, key);
        Assert.Equal(runs, await again.CountRunsAsync());
    }
}
