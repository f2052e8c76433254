using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>INV-2: the same inputs and seed give bit-identical metrics for any chunking and any cluster size.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class SimulationDeterminismTests(OneSiloCluster one, ThreeSiloCluster three)
{
    private const long NSims = 400_000;
    private const long Seed = 7;

    [Fact]
    public async Task Same_request_gives_identical_metrics_on_one_and_three_silos_and_for_any_chunk_size()
    {
        var results = new List<(string Where, SimulationResult Result)>();
        foreach (var (name, driver) in new[] { ("1 silo", one.Runs), ("3 silos", three.Runs) })
        {
            foreach (var chunkSize in new[] { 10_000, 250_000 })
            {
                var runId = SimulationDriver.NewRunId($"inv2-{chunkSize}");
                var result = await driver.RunAsync(runId, await driver.PlanAsync(NSims, Seed, chunkSize));
                results.Add(($"{name}, chunks of {chunkSize:N0}", result));

                // Every chunk of the layout ran exactly once (no checkpoint, nothing lost).
                var chunks = ChunkCallRecorder.Completed(runId).Select(c => c.ChunkIndex).Order().ToList();
                Assert.Equal(Enumerable.Range(0, (int)((NSims + chunkSize - 1) / chunkSize)), chunks);
            }
        }

        var (_, first) = results[0];
        var content = first.Metrics.InlineContent!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), first.Metrics.Sha256);
        using (var document = JsonDocument.Parse(content))
        {
            Assert.Equal(NSims, document.RootElement.GetProperty("nSims").GetInt64());
            Assert.Equal(Seed, document.RootElement.GetProperty("seed").GetInt64());
        }

        Assert.All(results, r =>
        {
            Assert.True(first.Metrics.Sha256 == r.Result.Metrics.Sha256, $"{r.Where}: {r.Result.Metrics.Sha256} ≠ {first.Metrics.Sha256} ({results[0].Where})");
            Assert.Equal(content, r.Result.Metrics.InlineContent);
        });
    }
}
