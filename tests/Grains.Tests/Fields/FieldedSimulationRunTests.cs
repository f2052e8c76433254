using System.Text.Json;
using LabSandbox.Grains.Experiments;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Tests.Experiments;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Fields;

/// <summary>
/// INV-2 over a modeled field: a 2025 <c>market_sampled</c> simulation gives the same metrics SHA-256 on 1 and 3 silos
/// and for any chunk size, and pins its field (model, version, parameters and market artifacts) in spec, metrics and lineage.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class FieldedSimulationRunTests(OneSiloCluster one, ThreeSiloCluster three)
{
    private const long NSims = 60_000;
    private const long Seed = 2025;

    [Fact]
    public async Task A_market_sampled_simulation_gives_the_same_metrics_sha256_on_one_and_three_silos_and_any_chunking()
    {
        var results = new List<(string Where, SimulationResult Result)>();
        foreach (var (where, cluster, chunkSize) in new[] { ("1 silo, 7,000", (IGrainFactory)one.Grains, 7_000L), ("1 silo, 25,000", one.Grains, 25_000L), ("3 silos, 7,000", three.Grains, 7_000L) })
        {
            var (start, parametersId) = await InputsAsync(cluster);
            var driver = new SimulationDriver(cluster);
            var plan = await new SimulationRunPlanner().PlanAsync(FieldDriver.SimulationRequest(start, parametersId, NSims, Seed, chunkSize), cluster);
            Assert.True(plan.Spec is not null, where + ": " + JsonSerializer.Serialize(plan.Errors));
            results.Add((where, await driver.RunAsync(SimulationDriver.NewRunId("fielded"), plan.Spec!)));
        }

        var first = results[0].Result;
        Assert.All(results, r => Assert.True(r.Result.Metrics.Sha256 == first.Metrics.Sha256, $"{r.Where}: {r.Result.Metrics.Sha256} ≠ {first.Metrics.Sha256}"));

        var (candidate, parameters) = await InputsAsync(one.Grains);
        using var metrics = JsonDocument.Parse(first.Metrics.InlineContent!);
        var field = metrics.RootElement.GetProperty("field");
        Assert.Equal("market_sampled", field.GetProperty("model").GetString());
        Assert.Equal("market-sampled-v1", field.GetProperty("version").GetString());
        Assert.Equal(parameters, field.GetProperty("parametersArtifactId").GetString());
        Assert.Equal(candidate.MarketShareArtifactId, field.GetProperty("marketShareArtifactId").GetString());
        Assert.Equal("P005", field.GetProperty("seatEntryKey").GetString());
        Assert.Equal(46, field.GetProperty("opponents").GetInt32());
        var keys = metrics.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entryKey").GetString()!).ToList();
        Assert.Equal(47, keys.Count);
        Assert.Equal(46, keys.Count(k => k.StartsWith('M')));
        Assert.Contains(parameters, first.Metrics.Lineage.UpstreamArtifactIds);
        Assert.Contains(candidate.MarketShareArtifactId, first.Metrics.Lineage.UpstreamArtifactIds);
        Assert.Contains("market-sampled-v1", first.Run.Spec.EngineVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modeled_field_requests_that_cannot_be_pinned_name_their_field()
    {
        var (start, marketParameters) = await InputsAsync(one.Grains);
        var historyParameters = await new FieldDriver(one.Grains).ParametersArtifactIdAsync("history_resampled");

        async Task<IReadOnlyCollection<string>> ErrorsAsync(Action<System.Text.Json.Nodes.JsonObject> change, string model = "market_sampled")
        {
            var request = FieldDriver.SimulationRequest(start, model == "market_sampled" ? marketParameters : historyParameters, 2_000, 1, 1_000, model);
            change(request);
            return (await new SimulationRunPlanner().PlanAsync(request, one.Grains)).Errors.Keys.Order(StringComparer.Ordinal).ToList();
        }

        Assert.Empty(await ErrorsAsync(_ => { }));
        Assert.Empty(await ErrorsAsync(_ => { }, "history_resampled"));
        Assert.Equal(["fieldParametersArtifactId"], await ErrorsAsync(r => r.Remove("fieldParametersArtifactId")));
        Assert.Equal(["fieldParametersArtifactId"], await ErrorsAsync(r => r["fieldParametersArtifactId"] = historyParameters));
        Assert.Equal(["marketShareArtifactId"], await ErrorsAsync(r => r.Remove("marketShareArtifactId")));
        Assert.Equal(["marketShareArtifactId"], await ErrorsAsync(r => r["marketShareArtifactId"] = start.MarketShareArtifactId, "history_resampled"));
        Assert.Equal(["fieldModel"], await ErrorsAsync(r => r.Remove("excludedEntryKey")));
        Assert.Equal(["fieldModel"], await ErrorsAsync(r => r["fieldModel"] = "oracle"));
        Assert.Equal(["fieldParametersArtifactId"], await ErrorsAsync(r =>
        {
            r.Remove("fieldModel");
            r.Remove("marketShareArtifactId");
        }));
    }

    /// <summary>The Lab's naive_ev candidate for 2025 (its advancement and market artifacts) and the market_sampled fit.</summary>
    private static async Task<(CandidateRecord Start, string ParametersId)> InputsAsync(IGrainFactory grains) =>
        (await new ExperimentDriver(grains).NaiveEvCandidateAsync(), await new FieldDriver(grains).ParametersArtifactIdAsync("market_sampled"));
}
