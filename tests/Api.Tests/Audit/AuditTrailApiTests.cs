using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Security;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static LabSandbox.Api.Tests.Audit.AuditApi;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>
/// The audit trail over HTTP, with authentication required: a scripted session of writes by two analyst keys (alice
/// and bob) produces exactly those rows, in order, with the keys' names as actors, route templates, target ids and
/// statuses; reads, requests refused by authentication or authorization (401, 403), rejected requests (400, 404, 409)
/// and idempotent replays add none; and the changes themselves name their actors. An admin key reads the trail.
/// </summary>
public sealed class AuditTrailApiTests : IAsyncLifetime
{
    private const string Synthetic = "/api/v1/sandbox/synthetic-calcuttas";

    private readonly LabApiFactory _factory = new(
        new Dictionary<string, string?> { ["LabSandbox:Auth:Mode"] = SecurityApi.RequiredMode },
        services: ParkedRunKind.Register);

    private HttpClient _http = null!;
    private HttpClient _admin = null!;
    private string _alice = null!;
    private string _bob = null!;
    private string _reader = null!;
    private string _revoked = null!;

    public async Task InitializeAsync()
    {
        var grains = _factory.Services.GetRequiredService<IClusterClient>();
        _alice = await SecurityApi.CreateKeyAsync(grains, "alice", "analyst");
        _bob = await SecurityApi.CreateKeyAsync(grains, "bob", "analyst");
        _reader = await SecurityApi.CreateKeyAsync(grains, "rita", "reader");
        _revoked = await SecurityApi.CreateKeyAsync(grains, "mallory", "admin");
        await SecurityApi.RevokeAsync(grains, "mallory");
        _http = _factory.ClientWith(key: null);
        _admin = _factory.ClientWith(await SecurityApi.CreateKeyAsync(grains, "auditor", "admin"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_session_of_two_keys_writes_exactly_its_accepted_changes_in_order()
    {
        Assert.Empty(await _admin.ReadAllAsync()); // a fresh lab: nothing written through the API yet

        var advancement = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _alice, RunApi.AdvancementRequest("ncaa-2017", "pre_tournament"));
        Assert.Equal(HttpStatusCode.Accepted, advancement.Status);
        var advancementId = advancement.Text("runId");
        Assert.Equal("succeeded", (await _admin.WaitForTerminalAsync(advancementId, TimeSpan.FromSeconds(30))).Text("status"));

        var copy = await _http.SendAsync(HttpMethod.Post, $"{Synthetic}/from-calcutta", _alice,
            new JsonObject { ["calcuttaId"] = "calcutta-2017", ["syntheticCalcuttaId"] = "syn-audit" }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, copy.Status);
        var entryKeys = copy.Json!["entries"]!.AsArray().Select(e => e!["entryKey"]!.GetValue<string>()).ToList();
        var (excluded, deleted) = (entryKeys[0], entryKeys[1]);

        var exclude = await _http.SendAsync(HttpMethod.Put, $"{Synthetic}/syn-audit/excluded-entry", _bob, new JsonObject { ["entryKey"] = excluded }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, exclude.Status);
        var delete = await _http.SendAsync(HttpMethod.Delete, $"{Synthetic}/syn-audit/entries/{deleted}", _bob);
        Assert.Equal(HttpStatusCode.OK, delete.Status);

        var parked = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _alice, ParkedRunKind.Request("session"));
        Assert.Equal(HttpStatusCode.Accepted, parked.Status);
        var parkedId = parked.Text("runId");
        var cancel = await _http.SendAsync(HttpMethod.Post, $"/api/v1/runs/{parkedId}/cancel", _bob);
        Assert.Equal(HttpStatusCode.OK, cancel.Status);

        // Refused before the endpoint: no key, a revoked key, a role that may not write. Each adds no row.
        var valid = ParkedRunKind.Request("refused");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", key: null, valid)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _revoked, valid)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _reader, valid)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(HttpMethod.Put, $"{Synthetic}/syn-audit/excluded-entry", _reader,
            new JsonObject { ["entryKey"] = entryKeys[2] }.ToJsonString())).Status);

        // Rejected by the endpoint: each answered 4xx, each adds no row.
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _alice, """{"kind":"advancement"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Post, "/api/v1/runs/run-missing-1/cancel", _bob)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.SendAsync(HttpMethod.Post, $"/api/v1/runs/{advancementId}/cancel", _bob)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Delete, $"{Synthetic}/syn-audit/entries/no-such-entry", _bob)).Status);

        // An idempotent request: the first is a change, its replay is not.
        var key = $"audit-{Guid.NewGuid():N}";
        var keyed = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _alice, ParkedRunKind.Request("keyed"), key);
        var replay = await _http.SendAsync(HttpMethod.Post, "/api/v1/runs", _alice, ParkedRunKind.Request("keyed"), key);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (keyed.Status, replay.Status));
        Assert.Equal(keyed.Text("runId"), replay.Text("runId"));

        // Reads add nothing, answered or not (bob may not read the trail: 403).
        foreach (var (read, status) in new[]
        {
            ("/api/v1/runs", HttpStatusCode.OK), ($"/api/v1/runs/{parkedId}", HttpStatusCode.OK), ($"{Synthetic}/syn-audit", HttpStatusCode.OK),
            (AuditApi.Audit, HttpStatusCode.Forbidden), ("/api/v1/runs/run-missing-1", HttpStatusCode.NotFound),
        })
        {
            Assert.Equal(status, (await _http.SendAsync(HttpMethod.Get, read, _bob)).Status);
        }

        var rows = await _admin.ReadAllAsync(limit: 3);
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
        Assert.Equal(rows.Where(r => r["actor"]!.GetValue<string>() == "bob").Select(RowOf), (await _admin.ReadAllAsync(actor: "bob")).Select(RowOf));

        // The changes name their keys.
        var run = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{parkedId}"))!;
        Assert.Equal(("alice", "cancelled"), (run.Text("createdBy"), run.Text("status")));
        var events = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{parkedId}/events"))!["events"]!.AsArray();
        Assert.Equal("bob", events.Single(e => e!["name"]!.GetValue<string>() == RunEventNames.Cancelled)!["actor"]!.GetValue<string>());
        var listed = (await _admin.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500"))!["items"]!.AsArray();
        Assert.Equal("alice", listed.Single(i => i!["runId"]!.GetValue<string>() == advancementId)!["createdBy"]!.GetValue<string>());
        var synthetic = (await _admin.GetFromJsonAsync<JsonObject>($"{Synthetic}/syn-audit"))!;
        Assert.Equal(("bob", 3), (synthetic.Text("createdBy"), synthetic["version"]!.GetValue<int>()));
        var first = (await _admin.GetFromJsonAsync<JsonObject>($"{Synthetic}/syn-audit/versions/{copy.Text("digest")}"))!;
        Assert.Equal("alice", first.Text("createdBy"));
    }

    [Fact]
    public async Task The_listing_is_for_admins_and_checks_its_parameters()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(HttpMethod.Get, AuditApi.Audit, key: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(HttpMethod.Get, AuditApi.Audit, _revoked)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(HttpMethod.Get, AuditApi.Audit, _reader)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(HttpMethod.Get, AuditApi.Audit, _alice)).Status);

        foreach (var bad in new[] { "limit=0", "limit=501", "after=-1", "actor=" + new string('a', 201) })
        {
            using var reply = await _admin.GetAsync($"{AuditApi.Audit}?{bad}");
            Assert.True(reply.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)reply.StatusCode}");
        }

        Assert.Empty(await _admin.ReadAllAsync());
    }

    [Fact]
    public async Task Paging_by_cursor_over_more_than_a_storage_page_returns_every_row_once_in_order()
    {
        var before = (await _admin.ReadAllAsync()).Count;
        var trail = _factory.Services.GetRequiredService<IAuditTrail>();
        var written = Enumerable.Range(1, 300).Select(i => new Row(i % 2 == 0 ? "ui-bob" : "ui-alice", "UI", "/runs/{RunId}", $"run-ui-{i}", 200)).ToList();
        foreach (var row in written)
        {
            await trail.RecordAsync(new AuditWrite(row.Actor, row.Method, row.Route, row.TargetId, row.Status));
        }

        var read = await _admin.ReadAllAsync(after: before, limit: 99);
        Assert.Equal(written, read.Select(RowOf));
        Assert.Equal(Enumerable.Range(before + 1, 300).Select(i => (long)i), read.Select(r => r["sequence"]!.GetValue<long>()));
        Assert.Equal(written.Where(r => r.Actor == "ui-bob"), (await _admin.ReadAllAsync(after: before, limit: 40, actor: "ui-bob")).Select(RowOf));
    }
}
