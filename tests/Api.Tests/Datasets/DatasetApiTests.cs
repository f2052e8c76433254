using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Datasets;

public sealed class DatasetApiTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_embedded_default_imports_every_bundled_tournament_and_pool()
    {
        var health = await _http.GetFromJsonAsync<JsonObject>("/health");
        Assert.Equal("healthy", health!["status"]!.GetValue<string>());

        var tournaments = await _http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments");
        Assert.Equal(
            new[] { "ncaa-2016", "ncaa-2017", "ncaa-2018", "ncaa-2019", "ncaa-2021", "ncaa-2022", "ncaa-2023", "ncaa-2024", "ncaa-2025" },
            tournaments!["items"]!.AsArray().Select(t => t!["tournamentId"]!.GetValue<string>()));
        Assert.All(tournaments["items"]!.AsArray(), t => Assert.Equal(68, t!["teamCount"]!.GetValue<int>()));

        var calcuttas = await _http.GetFromJsonAsync<JsonObject>("/api/v1/calcuttas");
        Assert.Equal(
            new[] { "calcutta-2017", "calcutta-2018", "calcutta-2019", "calcutta-2021", "calcutta-2022", "calcutta-2023", "calcutta-2024", "calcutta-2025" },
            calcuttas!["items"]!.AsArray().Select(c => c!["calcuttaId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_tournament_lists_its_teams_with_results_and_ratings()
    {
        var t = await _http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments/ncaa-2025");
        var teams = t!["teams"]!.AsArray();
        Assert.Equal(68, teams.Count);
        Assert.StartsWith("sha256:", t["digest"]!.GetValue<string>());
        var duke = teams.Single(x => x!["teamId"]!.GetValue<string>() == "duke")!;
        Assert.Equal(1, duke["seed"]!.GetValue<int>());
        Assert.Equal("East", duke["region"]!.GetValue<string>());
        Assert.Equal(38.15, duke["kenPomNet"]!.GetValue<double>());
        Assert.Equal(8, teams.Count(x => x!["isFirstFour"]!.GetValue<bool>()));
        Assert.Equal("South", t["finalFour"]!["topLeft"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pool_lists_entries_by_key_with_bids_payouts_in_cents_and_its_excluded_entry()
    {
        var c = await _http.GetFromJsonAsync<JsonObject>("/api/v1/calcuttas/calcutta-2025");
        var entries = c!["entries"]!.AsArray();
        Assert.Equal(47, entries.Count);
        var keys = entries.Select(e => e!["entryKey"]!.GetValue<string>()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal("P005", entries.Single(e => e!["isLabExcluded"]!.GetValue<bool>())!["entryKey"]!.GetValue<string>());
        Assert.Equal(60000, c["payouts"]!.AsArray()[0]!["amountCents"]!.GetValue<long>());
        Assert.Equal(100, c["rules"]!["budgetPoints"]!.GetValue<int>());
        Assert.Equal("ncaa-2025", c["tournamentId"]!.GetValue<string>());
    }
}
