using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// The Lab's run kinds take their upstream artifacts only by explicit id (INV-7), and only artifacts that fit
/// the request; anything else — a missing id, another pool's shares, another starting state, an unknown
/// optimizer, model or entry, a bad generate body — is a 400 naming the field, and starts nothing.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class LabRequestValidationTests(GeneratedLabFixture lab)
{
    private const string Pool = "calcutta-2025";

    [Theory]
    [InlineData("strategy: advancementArtifactId missing", "advancementArtifactId")]
    [InlineData("strategy: marketShareArtifactId missing", "marketShareArtifactId")]
    [InlineData("strategy: market shares of another pool", "marketShareArtifactId")]
    [InlineData("strategy: advancement from another starting state", "advancementArtifactId")]
    [InlineData("strategy: unknown optimizerKey", "optimizerKey")]
    // The pinned market shares exclude the pool's real entry, so they no longer fit either, and say so.
    [InlineData("strategy: unknown excludedEntryKey", "excludedEntryKey", "marketShareArtifactId")]
    [InlineData("market_share: unknown model", "model")]
    [InlineData("market_share: advancementArtifactId missing", "advancementArtifactId")]
    public async Task A_bad_run_request_is_a_400_naming_the_field_and_creates_no_run(string scenario, string field, string? alsoReported = null)
    {
        var request = await BadRunRequestAsync(scenario);
        var before = await lab.Http.AllRunIdsAsync();

        var response = await lab.Http.PostJsonAsync("/api/v1/runs", request.ToJsonString());

        var problem = await AssertProblemNamingAsync(response, scenario, field);
        var expected = new[] { field, alsoReported }.OfType<string>().Order(StringComparer.Ordinal);
        Assert.True(problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).SequenceEqual(expected), $"{scenario}: {problem.ToJsonString()}");
        Assert.Equal(before.Count, (await lab.Http.AllRunIdsAsync()).Count);
    }

    [Theory]
    [InlineData("unknown marketModel", "marketModel")]
    [InlineData("startingState missing", "startingState")]
    [InlineData("sigma 0", "advancementModel.sigma")]
    [InlineData("excludedEntry someone", "excludedEntry")]
    [InlineData("a run kind", "kind")]
    public async Task A_bad_generate_body_is_a_400_naming_the_field_and_generates_nothing(string scenario, string field)
    {
        var body = LabCandidatesApi.Config("naive_ev");
        switch (scenario)
        {
            case "unknown marketModel": body["marketModel"] = "astrology"; break;
            case "startingState missing": body.Remove("startingState"); break;
            case "sigma 0": body["advancementModel"]!["sigma"] = 0; break;
            case "excludedEntry someone": body["excludedEntry"] = "someone"; break;
            case "a run kind": body["kind"] = "lab_generation"; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        var runsBefore = await lab.Http.AllRunIdsAsync();
        var coverageBefore = await lab.Http.GetOkAsync("/api/v1/lab/candidates/coverage");

        var response = await lab.Http.PostJsonAsync("/api/v1/lab/candidates/generate", body.ToJsonString());

        var problem = await AssertProblemNamingAsync(response, scenario, field);
        Assert.True(problem["errors"]!.AsObject().Select(e => e.Key).SequenceEqual([field]), $"{scenario}: {problem.ToJsonString()}");
        Assert.Equal(runsBefore.Count, (await lab.Http.AllRunIdsAsync()).Count);
        Assert.True(JsonNode.DeepEquals(coverageBefore, await lab.Http.GetOkAsync("/api/v1/lab/candidates/coverage")));
    }

    [Fact]
    public async Task The_base_strategy_request_the_bad_ones_are_made_from_is_accepted_and_yields_the_labs_candidate()
    {
        var request = await StrategyRequestAsync();
        var before = await lab.Http.AllRunIdsAsync();

        var run = await lab.Http.WaitForTerminalAsync(await lab.Http.CreateRunAsync(request.ToJsonString()), TimeSpan.FromSeconds(60));

        Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
        Assert.Equal(before.Count + 1, (await lab.Http.AllRunIdsAsync()).Count);
        var bids = await lab.Http.GetOkAsync($"/api/v1/artifacts/{LabCandidatesApi.ArtifactOfKind(run, "bids")}");
        // The candidate id is derived from provenance (INV-8): the same inputs name the Lab's candidate.
        Assert.Equal(lab.CandidateIds("naive_ev")[Pool], bids["summary"].Text("candidateId"));
    }

    [Fact]
    public async Task The_base_market_share_request_the_bad_ones_are_made_from_is_accepted()
    {
        var request = await MarketShareRequestAsync();

        var run = await lab.Http.WaitForTerminalAsync(await lab.Http.CreateRunAsync(request.ToJsonString()), TimeSpan.FromSeconds(60));

        Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
        Assert.Equal("market_share", (await lab.Http.GetOkAsync($"/api/v1/artifacts/{LabCandidatesApi.ArtifactOfKind(run, "market_share")}")).Text("kind"));
    }

    private static async Task<JsonObject> AssertProblemNamingAsync(HttpResponseMessage response, string scenario, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{scenario}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"{scenario}: {text}");
        Assert.Contains(field, problem.Text("detail"));
        return problem;
    }

    private async Task<JsonObject> BadRunRequestAsync(string scenario)
    {
        switch (scenario)
        {
            case "strategy: advancementArtifactId missing":
                return Without(await StrategyRequestAsync(), "advancementArtifactId");
            case "strategy: marketShareArtifactId missing":
                return Without(await StrategyRequestAsync(), "marketShareArtifactId");
            case "strategy: market shares of another pool":
                var other = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{lab.CandidateIds("naive_ev")["calcutta-2024"]}");
                return With(await StrategyRequestAsync(), "marketShareArtifactId", other.Text("marketShareArtifactId"));
            case "strategy: advancement from another starting state":
                return With(await StrategyRequestAsync(), "advancementArtifactId", await PreTournamentAdvancementAsync());
            case "strategy: unknown optimizerKey":
                return With(await StrategyRequestAsync(), "optimizerKey", "greedy-v0");
            case "strategy: unknown excludedEntryKey":
                return With(await StrategyRequestAsync(), "excludedEntryKey", "someone");
            case "market_share: unknown model":
                return With(await MarketShareRequestAsync(), "model", "astrology");
            case "market_share: advancementArtifactId missing":
                return Without(await MarketShareRequestAsync(), "advancementArtifactId");
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }

    /// <summary>A valid strategy_generation request: the inputs of the Lab's naive_ev candidate for the pool.</summary>
    private async Task<JsonObject> StrategyRequestAsync()
    {
        var candidate = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{lab.CandidateIds("naive_ev")[Pool]}");
        return new JsonObject
        {
            ["kind"] = "strategy_generation",
            ["calcuttaId"] = Pool,
            ["advancementArtifactId"] = candidate.Text("advancementArtifactId"),
            ["marketShareArtifactId"] = candidate.Text("marketShareArtifactId"),
            ["optimizerKey"] = "dp-v1",
            ["startingState"] = "post_first_four",
            ["excludedEntryKey"] = candidate.Text("excludedEntryKey"),
        };
    }

    /// <summary>A valid market_share request over the Lab's post_first_four advancement for the pool.</summary>
    private async Task<JsonObject> MarketShareRequestAsync()
    {
        var candidate = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{lab.CandidateIds("naive_ev")[Pool]}");
        return new JsonObject
        {
            ["kind"] = "market_share",
            ["calcuttaId"] = Pool,
            ["model"] = "naive_ev",
            ["advancementArtifactId"] = candidate.Text("advancementArtifactId"),
            ["excludedEntryKey"] = candidate.Text("excludedEntryKey"),
        };
    }

    /// <summary>
    /// The metrics of a pre_tournament advancement run of the pool's tournament under the pool's own scoring
    /// rules, so the starting state is the only thing that does not fit.
    /// </summary>
    private async Task<string> PreTournamentAdvancementAsync()
    {
        var pool = await lab.Http.GetOkAsync($"/api/v1/calcuttas/{Pool}");
        var request = JsonNode.Parse(RunApi.AdvancementRequest(pool.Text("tournamentId"), "pre_tournament"))!.AsObject();
        request["scoringRules"] = pool["scoringRules"]!.DeepClone();
        var run = await lab.Http.WaitForTerminalAsync(await lab.Http.CreateRunAsync(request.ToJsonString()), TimeSpan.FromSeconds(30));
        Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
        return LabCandidatesApi.ArtifactOfKind(run, "metrics");
    }

    private static JsonObject With(JsonObject request, string field, string value)
    {
        request[field] = value;
        return request;
    }

    private static JsonObject Without(JsonObject request, string field)
    {
        request.Remove(field);
        return request;
    }
}
