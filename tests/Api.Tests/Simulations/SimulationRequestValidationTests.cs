using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Simulations;

/// <summary>Every bad <c>simulation</c> request is a 400 problem naming the one bad field, and creates no run.</summary>
public sealed class SimulationRequestValidationTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Theory]
    [InlineData("nSims missing", "nSims")]
    [InlineData("nSims 0", "nSims")]
    [InlineData("nSims 100,000,001", "nSims")]
    [InlineData("nSims 1.5", "nSims")]
    [InlineData("seed missing", "seed")]
    [InlineData("seed negative", "seed")]
    [InlineData("unknown calcuttaId", "calcuttaId")]
    [InlineData("unknown advancementArtifactId", "advancementArtifactId")]
    [InlineData("advancement artifact of another tournament", "advancementArtifactId")]
    [InlineData("advancement artifact of another starting state", "advancementArtifactId")]
    [InlineData("the advancement JSONL artifact instead of metrics", "advancementArtifactId")]
    [InlineData("excludedEntryKey not in the pool", "excludedEntryKey")]
    [InlineData("chunkSize 10", "chunkSize")]
    [InlineData("focusCandidateId present", "focusCandidateId")]
    [InlineData("unknown field", "sigma")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_creates_no_run(string scenario, string field)
    {
        var request = await BadRequestAsync(scenario);
        var before = await _http.CountRunsAsync();

        var response = await _http.PostJsonAsync("/api/v1/runs", request.ToJsonString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{scenario}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(field, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await _http.CountRunsAsync());
    }

    [Fact]
    public async Task The_base_request_the_bad_ones_are_made_from_is_accepted()
    {
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var before = await _http.CountRunsAsync();

        var run = await _http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims: 1_000, seed: 0, chunkSize: 1_000, excludedEntryKey: "P005"),
            TimeSpan.FromSeconds(20));

        Assert.Equal(before + 1, await _http.CountRunsAsync());
        Assert.Equal("simulation", run["kind"]!.GetValue<string>());
    }

    private async Task<JsonObject> BadRequestAsync(string scenario)
    {
        var metrics2025 = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var request = SimulationApi.Request(metrics2025, nSims: 10_000, seed: 1);
        switch (scenario)
        {
            case "nSims missing":
                request.Remove("nSims");
                break;
            case "nSims 0":
                request["nSims"] = 0;
                break;
            case "nSims 100,000,001":
                request["nSims"] = 100_000_001;
                break;
            case "nSims 1.5":
                request["nSims"] = 1.5;
                break;
            case "seed missing":
                request.Remove("seed");
                break;
            case "seed negative":
                request["seed"] = -1;
                break;
            case "unknown calcuttaId":
                request["calcuttaId"] = "calcutta-1999";
                break;
            case "unknown advancementArtifactId":
                request["advancementArtifactId"] = "art-does-not-exist";
                break;
            case "advancement artifact of another tournament":
                request["advancementArtifactId"] = await _http.AdvancementMetricsIdAsync("ncaa-2024", "pre_tournament");
                break;
            case "advancement artifact of another starting state":
                request["advancementArtifactId"] = await _http.AdvancementMetricsIdAsync("ncaa-2025", "post_first_four");
                break;
            case "the advancement JSONL artifact instead of metrics":
                request["advancementArtifactId"] = SimulationApi.ArtifactId(await _http.AdvancementRunAsync("ncaa-2025", "pre_tournament"), "advancement");
                break;
            case "excludedEntryKey not in the pool":
                request["excludedEntryKey"] = "P999";
                break;
            case "chunkSize 10":
                request["chunkSize"] = 10;
                break;
            case "focusCandidateId present":
                request["focusCandidateId"] = "cand-1";
                break;
            case "unknown field":
                request["sigma"] = 10;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        return request;
    }
}
