using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// One embedded API in which the Lab has generated the naive_ev, oracle and ridge configs once, for every
/// real pool; the Lab test classes read what it made (generating takes most of their time).
/// </summary>
public sealed class GeneratedLabFixture : IAsyncLifetime
{
    private readonly EmbeddedApiFixture _api = new();

    public HttpClient Http => _api.Http;

    /// <summary>The first <c>generate</c> report of each config, by market model.</summary>
    public IReadOnlyDictionary<string, JsonObject> Reports { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync()
    {
        // Generating waits for every pool's runs; leave it more than HttpClient's default 100 s.
        Http.Timeout = TimeSpan.FromMinutes(10);
        var reports = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var model in LabCandidatesApi.MarketModels)
        {
            reports[model] = await Http.GenerateAsync(LabCandidatesApi.Config(model));
        }

        Reports = reports;
    }

    /// <summary>The candidate id of each pool in the config's first report.</summary>
    public IReadOnlyDictionary<string, string> CandidateIds(string marketModel) =>
        LabCandidatesApi.PoolsById(Reports[marketModel]).ToDictionary(
            p => p.Key,
            p => p.Value["candidateId"]?.GetValue<string>()
                ?? throw new Xunit.Sdk.XunitException($"{marketModel}: {p.Key} has no candidate: {p.Value.ToJsonString()}"),
            StringComparer.Ordinal);

    public async Task DisposeAsync() => await _api.DisposeAsync();
}

/// <summary>The Lab test classes share one generated Lab and run one after another, so run counts are theirs alone.</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedLabCollection : ICollectionFixture<GeneratedLabFixture>
{
    public const string Name = "Lab (generated once)";
}
