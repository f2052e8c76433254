using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

/// <summary><c>createdFrom</c> (inclusive) and <c>createdTo</c> (exclusive) narrow the run list; values that are not ISO-8601 are a 400 naming the field.</summary>
public sealed class RunListCreatedRangeTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_created_range_includes_its_start_and_excludes_its_end()
    {
        var runId = await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2021", "pre_tournament"));
        var run = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
        var createdAt = run!["createdAt"]!.GetValue<DateTimeOffset>();

        Assert.Contains(runId, await IdsAsync($"createdFrom={Iso(createdAt)}&createdTo={Iso(createdAt.AddTicks(1))}"));
        Assert.DoesNotContain(runId, await IdsAsync($"createdFrom={Iso(createdAt.AddTicks(1))}"));
        Assert.DoesNotContain(runId, await IdsAsync($"createdTo={Iso(createdAt)}"));
        Assert.Contains(runId, await IdsAsync($"createdFrom={createdAt.UtcDateTime:yyyy-MM-dd}"));
    }

    [Theory]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdTo=2025-13-40", "createdTo")]
    [InlineData("createdFrom=2025-03-02&createdTo=2025-03-01", "createdTo")]
    public async Task A_bad_created_range_is_a_400_naming_the_field(string query, string field)
    {
        var response = await _http.GetAsync($"/api/v1/runs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    private async Task<List<string>> IdsAsync(string query)
    {
        var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs?limit=500&{query}");
        return page!["items"]!.AsArray().Select(i => i!["runId"]!.GetValue<string>()).ToList();
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
