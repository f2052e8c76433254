using System.Diagnostics;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Runs.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Simulations;

[Collection(SimulationEngineCollection.Name)]
public sealed class SimulationTimingTests(ITestOutputHelper output)
{
    /// <summary>
    /// The line: a million simulations of the 2025 real pool, POST to succeeded in under 3 s in the
    /// embedded default. A fresh API of its own, so the first simulation run's JIT is inside the measurement.
    /// </summary>
    [Fact]
    public async Task A_million_simulations_of_the_2025_pool_succeed_within_three_seconds_with_consistent_metrics()
    {
        await using var factory = new LabApiFactory();
        using var http = factory.CreateClient();
        var advancement = await http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");

        var clock = Stopwatch.StartNew();
        var runId = await http.CreateRunAsync(SimulationApi.Request(advancement, nSims: 1_000_000, seed: 42).ToJsonString());
        var run = await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(30));
        clock.Stop();
        output.WriteLine($"1,000,000 simulations: POST to {SimulationApi.Status(run)} in {clock.Elapsed.TotalMilliseconds:N0} ms");

        Assert.True(SimulationApi.Status(run) == "succeeded", run.ToJsonString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(SimulationParams.DefaultChunkSize, run["params"]!["chunkSize"]!.GetValue<int>());
        var metrics = await http.GetMetricsAsync(run);
        AssertConsistent(metrics, nSims: 1_000_000, entries: SimulationApi.Entries2025);
        Assert.Equal(42, metrics["seed"]!.GetValue<long>());
        Assert.Equal("pre_tournament", metrics["startingState"]!.GetValue<string>());
        Assert.Contains(metrics["entries"]!.AsArray(), e => e!["entryKey"]!.GetValue<string>() == "P005");

        var excludedClock = Stopwatch.StartNew();
        var excludedRun = await http.RunToSuccessAsync(
            SimulationApi.Request(advancement, nSims: 1_000_000, seed: 42, excludedEntryKey: "P005"), TimeSpan.FromSeconds(30));
        output.WriteLine($"1,000,000 simulations without P005: {excludedClock.Elapsed.TotalMilliseconds:N0} ms");
        var excluded = await http.GetMetricsAsync(excludedRun);
        AssertConsistent(excluded, nSims: 1_000_000, entries: SimulationApi.Entries2025 - 1);
        Assert.Equal("P005", excluded["excludedEntryKey"]!.GetValue<string>());
        Assert.DoesNotContain(excluded["entries"]!.AsArray(), e => e!["entryKey"]!.GetValue<string>() == "P005");
    }

    private static void AssertConsistent(JsonObject metrics, long nSims, int entries)
    {
        Assert.Equal(nSims, metrics["nSims"]!.GetValue<long>());
        var list = metrics["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(entries, list.Count);
        Assert.Equal(entries, list.Select(e => e["entryKey"]!.GetValue<string>()).Distinct().Count());

        // Ordered by payout total descending, then entry key.
        var expectedOrder = list
            .OrderByDescending(e => e["payoutCentsTotal"]!.GetValue<long>())
            .ThenBy(e => e["entryKey"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(e => e["entryKey"]!.GetValue<string>());
        Assert.Equal(expectedOrder, list.Select(e => e["entryKey"]!.GetValue<string>()));

        // The prize pool is paid in full every simulation: exact in cents.
        Assert.Equal(nSims * SimulationApi.PrizePoolCents2025, list.Sum(e => e["payoutCentsTotal"]!.GetValue<long>()));
        Assert.InRange(list.Sum(e => e["expectedPayoutCents"]!.GetValue<double>()), SimulationApi.PrizePoolCents2025 - 1e-6, SimulationApi.PrizePoolCents2025 + 1e-6);

        foreach (var entry in list)
        {
            var key = entry["entryKey"]!.GetValue<string>();
            Assert.Equal((double)entry["payoutCentsTotal"]!.GetValue<long>() / nSims, entry["expectedPayoutCents"]!.GetValue<double>(), 9);
            var probabilities = new[] { "pFirst", "pTop3", "pTop6", "pTop10", "pInTheMoney" }.Select(p => entry[p]!.GetValue<double>()).ToArray();
            Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
            Assert.True(probabilities[0] <= probabilities[1] && probabilities[1] <= probabilities[2] && probabilities[2] <= probabilities[3], $"{key}: top-k not monotone");
            var positions = entry["positionCounts"]!.AsArray().Select(c => c!.GetValue<long>()).ToArray();
            Assert.Equal(10, positions.Length);
            Assert.All(positions, c => Assert.InRange(c, 0, nSims));
            Assert.InRange(positions.Sum(), 0, nSims);
            Assert.Equal((double)positions[0] / nSims, probabilities[0], 12);
        }

        // Ties share first place, so P(1st) sums to at least 1 (exactly in counts).
        Assert.True(list.Sum(e => e["positionCounts"]![0]!.GetValue<long>()) >= nSims);
        Assert.True(list.Sum(e => e["pFirst"]!.GetValue<double>()) >= 1 - 1e-12);

        var teams = metrics["teams"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(68, teams.Count);
        foreach (var team in teams)
        {
            var frequencies = team["frequencies"]!.AsArray().Select(f => f!.GetValue<double>()).ToArray();
            Assert.Equal(8, frequencies.Length);
            Assert.All(frequencies, f => Assert.InRange(f, 0.0, 1.0));
            Assert.InRange(frequencies.Sum(), 1 - 1e-9, 1 + 1e-9);
        }
    }
}
