using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

public sealed class RunListPagingTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Cursor_paging_lists_every_run_once_newest_first_and_filters_by_kind_and_status()
    {
        var created = new List<string>();
        foreach (var state in new[] { "pre_tournament", "post_first_four", "through_round:2", "through_round:3", "through_round:4", "through_round:5", "through_round:6" })
        {
            created.Add(await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2022", state)));
        }

        foreach (var runId in created)
        {
            await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        }

        var seen = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs?limit=3&kind=advancement&status=succeeded{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page!["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        var ids = seen.Select(i => i["runId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Superset(ids.ToHashSet(), created.ToHashSet());
        var times = seen.Select(i => i["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(seen, i => Assert.Equal("succeeded", i["status"]!.GetValue<string>()));

        var none = await _http.GetFromJsonAsync<JsonObject>("/api/v1/runs?kind=simulation");
        Assert.Empty(none!["items"]!.AsArray());
        var cancelled = await _http.GetFromJsonAsync<JsonObject>("/api/v1/runs?status=cancelled");
        Assert.DoesNotContain(cancelled!["items"]!.AsArray(), i => created.Contains(i!["runId"]!.GetValue<string>()));
    }
}
