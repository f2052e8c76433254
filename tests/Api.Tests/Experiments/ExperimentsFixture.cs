using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using LabSandbox.Api.Tests.Simulations;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>
/// One embedded API with what an experiment on the 2025 real pool pins: a post_first_four advancement of ncaa-2025
/// under the pool's scoring rules and a naive_ev market-share run of the pool with its lab-marked entry excluded
/// (plus an advancement of another tournament, for validation). Each test names its own experiments.
/// </summary>
public sealed class ExperimentsFixture : IAsyncLifetime
{
    public const string Pool = "calcutta-2025";
    public const string StartingState = "post_first_four";

    private readonly EmbeddedApiFixture _api = new();

    public HttpClient Http => _api.Http;

    public LabApiFactory Factory => _api.Factory;

    /// <summary>The metrics artifact of the ncaa-2025 post_first_four advancement run (the pool's scoring rules).</summary>
    public string AdvancementArtifactId { get; private set; } = "";

    /// <summary>The market_share artifact of the naive_ev run over the pool, its lab-marked entry excluded.</summary>
    public string MarketShareArtifactId { get; private set; } = "";

    /// <summary>The pool's lab-marked entry: the seat the searched entry takes.</summary>
    public string ExcludedEntryKey { get; private set; } = "";

    /// <summary>The metrics artifact of an ncaa-2024 advancement run (another tournament).</summary>
    public string OtherTournamentAdvancementArtifactId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Http.Timeout = TimeSpan.FromMinutes(5);
        var pool = await Http.GetOkAsync($"/api/v1/calcuttas/{Pool}");
        ExcludedEntryKey = await Http.LabExcludedEntryKeyAsync(Pool);

        var advancement = new JsonObject
        {
            ["kind"] = "advancement",
            ["tournamentId"] = "ncaa-2025",
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = 10 },
            ["startingState"] = StartingState,
            ["scoringRules"] = pool["scoringRules"]!.DeepClone(),
        };
        AdvancementArtifactId = SimulationApi.ArtifactId(await Http.RunToSuccessAsync(advancement, TimeSpan.FromSeconds(60)), "metrics");

        var market = await Http.RunToSuccessAsync(new JsonObject
        {
            ["kind"] = "market_share",
            ["calcuttaId"] = Pool,
            ["model"] = "naive_ev",
            ["advancementArtifactId"] = AdvancementArtifactId,
            ["excludedEntryKey"] = ExcludedEntryKey,
        }, TimeSpan.FromSeconds(60));
        MarketShareArtifactId = LabCandidatesApi.ArtifactOfKind(market, "market_share");

        OtherTournamentAdvancementArtifactId = SimulationApi.ArtifactId(
            await Http.RunToSuccessAsync(JsonNode.Parse(RunApi.AdvancementRequest("ncaa-2024", StartingState))!.AsObject(), TimeSpan.FromSeconds(60)),
            "metrics");
    }

    /// <summary>A small experiment on the pool (finishes in seconds); <paramref name="overrides"/> replace or add fields (null removes one).</summary>
    public JsonObject Request(string experimentId, params (string Field, JsonNode? Value)[] overrides)
    {
        var request = new JsonObject
        {
            ["experimentId"] = experimentId,
            ["name"] = $"API test {experimentId}",
            ["calcuttaId"] = Pool,
            ["advancementArtifactId"] = AdvancementArtifactId,
            ["marketShareArtifactId"] = MarketShareArtifactId,
            ["startingState"] = StartingState,
            ["excludedEntryKey"] = ExcludedEntryKey,
            ["masterSeed"] = 20250321,
            ["candidatesPerIteration"] = 3,
            ["screeningSims"] = 300,
            ["evaluationSims"] = 600,
            ["evaluationSamples"] = 2,
            ["finalSims"] = 2000,
            ["maxIterations"] = 2,
            ["patience"] = 2,
        };
        foreach (var (field, value) in overrides)
        {
            if (value is null)
            {
                request.Remove(field);
            }
            else
            {
                request[field] = value;
            }
        }

        return request;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}

/// <summary>The experiment test classes share one API and run one after another (the machine is small; experiments are CPU work).</summary>
[CollectionDefinition(Name)]
public sealed class ExperimentsCollection : ICollectionFixture<ExperimentsFixture>
{
    public const string Name = "Experiments";
}
