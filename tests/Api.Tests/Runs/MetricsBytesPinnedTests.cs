using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Simulations;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Runs;

/// <summary>
/// A refactor must not move a byte of a result: the SHA-256 of the <c>metrics</c> artifact of fixed runs,
/// recorded by running this test on commit 9c9f70f (before the code was reorganised). A deliberate change to
/// an engine or a document updates these pins in the same commit, saying why.
/// </summary>
[Collection(SimulationEngineCollection.Name)]
public sealed class MetricsBytesPinnedTests(EmbeddedApiFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Theory]
    [InlineData("ncaa-2025", "pre_tournament", "8bb98f422a965d0a8a05d7905f9e4cddd7bde2de2f27d06a85ffb2f6df5e5ba6")]
    [InlineData("ncaa-2019", "through_round:3", "f0d8bdd812307b8a33ffb9a5366e22fa175b363c00430108bd551e5bc4ab3efd")]
    public async Task Advancement_metrics_bytes_are_unchanged(string tournamentId, string startingState, string expectedSha256)
    {
        var run = await _http.AdvancementRunAsync(tournamentId, startingState);
        Assert.Equal(expectedSha256, await MetricsSha256Async(run));
    }

    [Theory]
    [InlineData(null, 9L, "e590e6d4d01f112babdc53df51291894a7c80c0b91645e135ca3edfe707e2f9f")]
    [InlineData("P005", 11L, "52093f090d59f1d91798e0adb66738d7eda014ef08f68ac06ff78a13ca1d7454")]
    public async Task Simulation_metrics_bytes_are_unchanged(string? excludedEntryKey, long seed, string expectedSha256)
    {
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var run = await _http.RunToSuccessAsync(
            SimulationApi.Request(advancement, nSims: 50_000, seed: seed, excludedEntryKey: excludedEntryKey), TimeSpan.FromSeconds(30));
        Assert.Equal(expectedSha256, await MetricsSha256Async(run));
    }

    private async Task<string> MetricsSha256Async(System.Text.Json.Nodes.JsonObject run)
    {
        var sha = (await _http.ArtifactAsync(SimulationApi.ArtifactId(run, "metrics")))["sha256"]!.GetValue<string>();
        output.WriteLine($"{run["runId"]} metrics sha256 {sha}");
        return sha;
    }
}
