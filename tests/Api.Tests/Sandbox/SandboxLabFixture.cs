using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// One embedded API in which the Lab has generated the naive_ev config once, for every real pool: the
/// Sandbox tests attach those candidates to synthetic calcuttas (generating is most of their set-up time).
/// Each test names its own synthetic calcuttas and cohorts, so they never see each other's edits.
/// </summary>
public sealed class SandboxLabFixture : IAsyncLifetime
{
    public const string MarketModel = "naive_ev";

    private readonly EmbeddedApiFixture _api = new();

    public HttpClient Http => _api.Http;

    /// <summary>The naive_ev candidate of each real pool, by pool id.</summary>
    public IReadOnlyDictionary<string, string> CandidateIds { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var report = await Http.GenerateAsync(LabCandidatesApi.Config(MarketModel));
        CandidateIds = LabCandidatesApi.PoolsById(report).ToDictionary(
            p => p.Key,
            p => p.Value["candidateId"]?.GetValue<string>()
                ?? throw new Xunit.Sdk.XunitException($"{MarketModel}: {p.Key} has no candidate: {p.Value.ToJsonString()}"),
            StringComparer.Ordinal);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();
}

/// <summary>The Sandbox test classes share one generated Lab and run one after another, so run counts are theirs alone.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxLabCollection : ICollectionFixture<SandboxLabFixture>
{
    public const string Name = "Sandbox (naive_ev generated once)";
}
