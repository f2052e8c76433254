using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static LabSandbox.Api.Tests.Audit.AuditApi;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>
/// The audit trail over HTTP: a scripted session of writes by two actors (alice and bob, named by the test-only
/// <see cref="TestActorHeader"/> where API keys will name them) produces exactly those rows, in order, with actors,
/// route templates, target ids and statuses; reads, rejected requests (400, 404, 409) and idempotent replays add
/// none; and the changes themselves name their actors.
/// </summary>
public sealed class AuditTrailApiTests : IAsyncLifetime
{
    private const string Synthetic = "/api/v1/sandbox/synthetic-calcuttas";

    private readonly LabApiFactory _factory = new(services: services =>
    {
        TestActorHeader.Register(services);
        ParkedRunKind.Register(services);
    });

    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_session_of_two_actors_writes_exactly_its_accepted_changes_in_order()
    {
        Assert.Empty(await _http.ReadAllAsync()); // a fresh lab: nothing written through the API yet

        var advancement = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", "alice", RunApi.AdvancementRequest("ncaa-2017", "pre_tournament"));
        Assert.Equal(HttpStatusCode.Accepted, advancement.Status);
        var advancementId = advancement.Text("runId");
        Assert.Equal("succeeded", (await _http.WaitForTerminalAsync(advancementId, TimeSpan.FromSeconds(30))).Text("status"));

        var copy = await _http.SendAsync(HttpMethod.Post, $"{Synthetic}/from-calcutta", "alice",
            new JsonObject { ["calcuttaId"] = "calcutta-2017", ["syntheticCalcuttaId"] = "syn-audit" }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, copy.Status);
        var entryKeys = copy.Json!["entries"]!.AsArray().Select(e => e!["entryKey"]!.GetValue<string>()).ToList();
        var (excluded, deleted) = (entryKeys[0], entryKeys[1]);

        var exclude = await _http.SendAsync(HttpMethod.Put, $"{Synthetic}/syn-audit/excluded-entry", "bob", new JsonObject { ["entryKey"] = excluded }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, exclude.Status);
        var delete = await _http.SendAsync(HttpMethod.Delete, $"{Synthetic}/syn-audit/entries/{deleted}", "bob");
        Assert.Equal(HttpStatusCode.OK, delete.Status);

        var parked = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", "alice", ParkedRunKind.Request("session"));
        Assert.Equal(HttpStatusCode.Accepted, parked.Status);
        var parkedId = parked.Text("runId");
        var cancel = await _http.SendAsync(HttpMethod.Post, $"/api/v1/runs/{parkedId}/cancel", "bob");
        Assert.Equal(HttpStatusCode.OK, cancel.Status);

        // Rejected requests: each answered 4xx, each adds no row.
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", "alice", """{"kind":"advancement"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs/run-missing-1/cancel", "bob")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.SendAsync(HttpMethod.Post, $"/api/v1/runs/{advancementId}/cancel", "bob")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Delete, $"{Synthetic}/syn-audit/entries/no-such-entry", "bob")).Status);

        // An idempotent request: the first is a change, its replay is not.
        var key = $"audit-{Guid.NewGuid():N}";
        var keyed = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", "alice", ParkedRunKind.Request("keyed"), key);
        var replay = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", "alice", ParkedRunKind.Request("keyed"), key);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (keyed.Status, replay.Status));
        Assert.Equal(keyed.Text("runId"), replay.Text("runId"));

        // Reads add nothing.
        foreach (var read in new[] { "/api/v1/runs", $"/api/v1/runs/{parkedId}", $"{Synthetic}/syn-audit", AuditApi.Audit, "/api/v1/runs/run-missing-1" })
        {
            await _http.SendAsync(HttpMethod.Get, read, "bob");
        }

        var rows = await _http.ReadAllAsync(limit: 3);
        Assert.Equal(
            [
                new Row("alice", "POST", "/api/v1/runs", advancementId, 202),
                new Row("alice", "POST", $"{Synthetic}/from-calcutta", "syn-audit", 200),
                new Row("bob", "PUT", $"{Synthetic}/{{syntheticCalcuttaId}}/excluded-entry", "syn-audit", 200),
                new Row("bob", "DELETE", $"{Synthetic}/{{syntheticCalcuttaId}}/entries/{{entryKey}}", $"syn-audit/{deleted}", 200),
                new Row("alice", "POST", "/api/v1/runs", parkedId, 202),
                new Row("bob", "POST", "/api/v1/runs/{runId}/cancel", parkedId, 200),
                new Row("alice", "POST", "/api/v1/runs", keyed.Text("runId"), 202),
            ],
            rows.Select(RowOf));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), rows.Select(r => r["sequence"]!.GetValue<long>()));
        var times = rows.Select(r => r["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(rows.Where(r => r["actor"]!.GetValue<string>() == "bob").Select(RowOf), (await _http.ReadAllAsync(actor: "bob")).Select(RowOf));

        // The changes name their actors.
        var run = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{parkedId}"))!;
        Assert.Equal(("alice", "cancelled"), (run.Text("createdBy"), run.Text("status")));
        var events = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{parkedId}/events"))!["events"]!.AsArray();
        Assert.Equal("bob", events.Single(e => e!["name"]!.GetValue<string>() == RunEventNames.Cancelled)!["actor"]!.GetValue<string>());
        var listed = (await _http.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500"))!["items"]!.AsArray();
        Assert.Equal("alice", listed.Single(i => i!["runId"]!.GetValue<string>() == advancementId)!["createdBy"]!.GetValue<string>());
        var synthetic = (await _http.GetFromJsonAsync<JsonObject>($"{Synthetic}/syn-audit"))!;
        Assert.Equal(("bob", 3), (synthetic.Text("createdBy"), synthetic["version"]!.GetValue<int>()));
        var first = (await _http.GetFromJsonAsync<JsonObject>($"{Synthetic}/syn-audit/versions/{copy.Text("digest")}"))!;
        Assert.Equal("alice", first.Text("createdBy"));
    }

    [Fact]
    public async Task Without_a_principal_the_actor_is_local_and_the_listing_checks_its_parameters()
    {
        var before = (await _http.ReadAllAsync()).Count;
        var created = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", actor: null, ParkedRunKind.Request("local"));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);

        var rows = await _http.ReadAllAsync(after: before);
        Assert.Equal([new Row("local", "POST", "/api/v1/runs", created.Text("runId"), 202)], rows.Select(RowOf));

        foreach (var bad in new[] { "limit=0", "limit=501", "after=-1", "actor=" + new string('a', 201) })
        {
            var reply = await _http.SendAsync(HttpMethod.Get, $"{AuditApi.Audit}?{bad}", actor: null);
            Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{bad}: {(int)reply.Status}");
        }
    }

    [Fact]
    public async Task Paging_by_cursor_over_more_than_a_storage_page_returns_every_row_once_in_order()
    {
        var before = (await _http.ReadAllAsync()).Count;
        var trail = _factory.Services.GetRequiredService<IAuditTrail>();
        var written = Enumerable.Range(1, 300).Select(i => new Row(i % 2 == 0 ? "ui-bob" : "ui-alice", "UI", "/runs/{RunId}", $"run-ui-{i}", 200)).ToList();
        foreach (var row in written)
        {
            await trail.RecordAsync(new AuditWrite(row.Actor, row.Method, row.Route, row.TargetId, row.Status));
        }

        var read = await _http.ReadAllAsync(after: before, limit: 99);
        Assert.Equal(written, read.Select(RowOf));
        Assert.Equal(Enumerable.Range(before + 1, 300).Select(i => (long)i), read.Select(r => r["sequence"]!.GetValue<long>()));
        Assert.Equal(written.Where(r => r.Actor == "ui-bob"), (await _http.ReadAllAsync(after: before, limit: 40, actor: "ui-bob")).Select(RowOf));
    }
}
