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

    /// <summary>The first <c>generate</c> report of each config, by market model (its run's metrics artifact).</summary>
    public IReadOnlyDictionary<string, JsonObject> Reports { get; private set; } = new Dictionary<string, JsonObject>();

    /// <summary>What the first <c>generate</c> of each config answered (status, run id, time the request took), by market model.</summary>
    public IReadOnlyDictionary<string, LabCandidatesApi.StartedRun> Generations { get; private set; } = new Dictionary<string, LabCandidatesApi.StartedRun>();

    public async Task InitializeAsync()
    {
        var reports = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var generations = new Dictionary<string, LabCandidatesApi.StartedRun>(StringComparer.Ordinal);

        // Generate is timed (it must not wait on runs): its first call should not also pay for the process's first
        // requests, compilations and grain activations. Warm them: a rejected generate and one run created.
        await Http.GetOkAsync("/api/v1/calcuttas");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await Http.PostJsonAsync("/api/v1/lab/candidates/generate", "{}")).StatusCode);
        await Http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2017", "pre_tournament", sigma: 9));
        foreach (var model in LabCandidatesApi.MarketModels)
        {
            generations[model] = await Http.StartRunAsync("/api/v1/lab/candidates/generate", LabCandidatesApi.Config(model));
            reports[model] = await Http.ReportOfAsync(generations[model].RunId, LabCandidatesApi.GenerationTimeout);
        }

        Reports = reports;
        Generations = generations;
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
