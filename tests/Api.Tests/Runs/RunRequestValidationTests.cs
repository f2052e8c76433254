using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Runs;

public sealed class RunRequestValidationTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Theory]
    [InlineData("""{"tournamentId":"ncaa-2025"}""", "kind")]
    [InlineData("""{"kind":"astrology"}""", "kind")]
    [InlineData("""{"kind":"advancement","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""", "tournamentId")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-1999","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""", "tournamentId")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","startingState":"pre_tournament"}""", "model")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"elo","sigma":10},"startingState":"pre_tournament"}""", "model.kind")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":0},"startingState":"pre_tournament"}""", "model.sigma")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":"ten"},"startingState":"pre_tournament"}""", "model.sigma")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"through_round:8"}""", "startingState")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10}}""", "startingState")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament","scoringRules":[{"winIndex":1,"pointsAwarded":5}]}""", "scoringRules")]
    [InlineData("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament","sigma":3}""", "sigma")]
    [InlineData("""{"kind":"field_fit","calcuttaId":"calcutta-2025","fieldModel":"real"}""", "fieldModel")]
    [InlineData("""{"kind":"field_fit","calcuttaId":"calcutta-1999","fieldModel":"market_sampled"}""", "calcuttaId")]
    [InlineData("""{"kind":"simulation","calcuttaId":"calcutta-2025","advancementArtifactId":"art-none","nSims":1000,"seed":1,"startingState":"pre_tournament","excludedEntryKey":"P005","fieldModel":"market_sampled"}""", "fieldParametersArtifactId")]
    [InlineData("""{"kind":"simulation","calcuttaId":"calcutta-2025","advancementArtifactId":"art-none","nSims":1000,"seed":1,"startingState":"pre_tournament","excludedEntryKey":"P005","fieldModel":"market_sampled"}""", "marketShareArtifactId")]
    [InlineData("""{"kind":"simulation","calcuttaId":"calcutta-2025","advancementArtifactId":"art-none","nSims":1000,"seed":1,"startingState":"pre_tournament","fieldModel":"oracle"}""", "fieldModel")]
    [InlineData("""{"kind":"simulation","calcuttaId":"calcutta-2025","advancementArtifactId":"art-none","nSims":1000,"seed":1,"startingState":"pre_tournament","fieldParametersArtifactId":"art-x"}""", "fieldParametersArtifactId")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_creates_nothing(string body, string field)
    {
        var before = await CountRunsAsync();

        var response = await _http.PostJsonAsync("/api/v1/runs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Contains(field, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await CountRunsAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _http.PostJsonAsync("/api/v1/runs", "{\"kind\":");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Custom_scoring_rules_are_used_and_pinned_in_the_params()
    {
        var rules = new JsonArray(Enumerable.Range(1, 7).Select(i => (JsonNode)new JsonObject { ["winIndex"] = i, ["pointsAwarded"] = i == 7 ? 1000 : 0 }).ToArray());
        var request = JsonNode.Parse(RunApi.AdvancementRequest("ncaa-2025", "pre_tournament"))!.AsObject();
        request["scoringRules"] = rules;

        var run = await _http.WaitForTerminalAsync(await _http.CreateRunAsync(request.ToJsonString()), TimeSpan.FromSeconds(10));

        Assert.Equal(1000, run["params"]!["scoringRules"]!.AsArray()[6]!["pointsAwarded"]!.GetValue<int>());
        var metrics = await _http.GetMetricsAsync(run);
        var duke = RunApi.Team(metrics, "duke");
        Assert.Equal(1000 * duke["pChampion"]!.GetValue<double>(), duke["expectedPoints"]!.GetValue<double>(), 9);
        Assert.Equal(1000, metrics["sumExpectedPoints"]!.GetValue<double>(), 6);
    }

    [Theory]
    [InlineData("/api/v1/runs/run-nope-1")]
    [InlineData("/api/v1/runs/run-nope-1/events")]
    [InlineData("/api/v1/artifacts/art-nope")]
    [InlineData("/api/v1/artifacts/art-nope/content")]
    [InlineData("/api/v1/artifacts/art-nope/lineage")]
    [InlineData("/api/v1/tournaments/ncaa-1900")]
    [InlineData("/api/v1/calcuttas/calcutta-2016")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Cancelling_an_unknown_run_is_404()
    {
        var response = await _http.PostAsync("/api/v1/runs/run-nope-2/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?status=done", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    public async Task Bad_list_filters_are_400_naming_the_parameter(string query, string field)
    {
        var response = await _http.GetAsync("/api/v1/runs" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field));
    }

    private async Task<int> CountRunsAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500"))!["items"]!.AsArray().Count;
}
