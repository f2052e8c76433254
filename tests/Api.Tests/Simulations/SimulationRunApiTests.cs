using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Simulations;

[Collection(SimulationEngineCollection.Name)]
public sealed class SimulationRunApiTests(EmbeddedApiFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_same_request_with_another_chunking_gives_byte_identical_metrics_and_another_seed_does_not()
    {
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var timeout = TimeSpan.FromSeconds(20);

        var first = await _http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims: 200_000, seed: 9, chunkSize: 10_000), timeout);
        var second = await _http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims: 200_000, seed: 9, chunkSize: 50_000), timeout);
        var otherSeed = await _http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims: 200_000, seed: 10, chunkSize: 50_000), timeout);

        Assert.NotEqual(first["runId"]!.GetValue<string>(), second["runId"]!.GetValue<string>());
        var sha = await Task.WhenAll(new[] { first, second, otherSeed }.Select(async run =>
            (await _http.ArtifactAsync(SimulationApi.ArtifactId(run, "metrics")))["sha256"]!.GetValue<string>()));
        Assert.Equal(sha[0], sha[1]);
        Assert.NotEqual(sha[0], sha[2]);

        // The run record pins what was sampled.
        foreach (var run in new[] { first, second })
        {
            Assert.Equal("simulation", run["kind"]!.GetValue<string>());
            Assert.Equal(9, run["seed"]!.GetValue<long>());
            Assert.StartsWith("montecarlo-v1", run["engineVersion"]!.GetValue<string>());
            Assert.Equal([advancement], run["inputs"]!["artifactIds"]!.AsArray().Select(a => a!.GetValue<string>()));
            var refs = run["datasetRefs"]!.AsArray().ToDictionary(d => d!["kind"]!.GetValue<string>(), d => d!.AsObject());
            Assert.Equal(["calcutta", "tournament"], refs.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("calcutta-2025", refs["calcutta"]["id"]!.GetValue<string>());
            Assert.Equal("ncaa-2025", refs["tournament"]["id"]!.GetValue<string>());
            Assert.All(refs.Values, r => Assert.StartsWith("sha256:", r["digest"]!.GetValue<string>()));
            Assert.Equal(64, run["paramsHash"]!.GetValue<string>().Length);
            Assert.Equal(200_000, run["params"]!["nSims"]!.GetValue<long>());
        }

        var calcutta = await _http.GetFromJsonAsync<JsonObject>("/api/v1/calcuttas/calcutta-2025");
        Assert.Equal(calcutta!["digest"]!.GetValue<string>(),
            first["datasetRefs"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "calcutta")!["digest"]!.GetValue<string>());
        Assert.Equal(second["seed"]!.GetValue<long>() + 1, otherSeed["seed"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_entry_distributions_artifact_is_stored_hashed_and_consistent_with_the_metrics()
    {
        const long nSims = 100_000;
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var run = await _http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims, seed: 7, chunkSize: 25_000), TimeSpan.FromSeconds(20));
        var metrics = await _http.GetMetricsAsync(run);
        var byKey = metrics["entries"]!.AsArray().ToDictionary(e => e!["entryKey"]!.GetValue<string>(), e => e!.AsObject());

        var artifactId = SimulationApi.ArtifactId(run, "entry_distributions");
        var artifact = await _http.ArtifactAsync(artifactId);
        Assert.Equal(run["runId"]!.GetValue<string>(), artifact["runId"]!.GetValue<string>());
        Assert.Equal("application/x-ndjson", artifact["contentType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(artifact["storageUri"]?.GetValue<string>()), artifact.ToJsonString());
        var sha256 = artifact["sha256"]!.GetValue<string>();
        Assert.Equal(64, sha256.Length);

        using var content = await _http.GetAsync($"/api/v1/artifacts/{artifactId}/content", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        var bytes = await content.Content.ReadAsByteArrayAsync();
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(artifact["sizeBytes"]!.GetValue<long>(), bytes.LongLength);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text);
        var lines = text[..^1].Split('\n');
        Assert.Equal(SimulationApi.Entries2025, lines.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var entry = JsonNode.Parse(line)!.AsObject();
            var key = entry["entryKey"]!.GetValue<string>();
            Assert.True(seen.Add(key), $"{key} twice");
            Assert.Equal(nSims, entry["simulations"]!.GetValue<long>());

            var positions = entry["positionCounts"]!.AsArray().Select(c => c!.GetValue<long>()).ToArray();
            Assert.Equal(10, positions.Length);
            Assert.All(positions, c => Assert.InRange(c, 0, nSims));
            Assert.InRange(positions.Sum(), 0, nSims);
            Assert.Equal(byKey[key]["positionCounts"]!.AsArray().Select(c => c!.GetValue<long>()), positions);

            var inTheMoney = entry["inTheMoney"]!.GetValue<long>();
            var histogram = entry["payoutHistogram"]!.AsArray()
                .Select(b => (Amount: b!["amountCents"]!.GetValue<long>(), Simulations: b["simulations"]!.GetValue<long>())).ToList();
            Assert.All(histogram, b => Assert.True(b.Amount > 0 && b.Simulations > 0, $"{key}: bucket {b}"));
            Assert.Equal(histogram.Select(b => b.Amount).Order(), histogram.Select(b => b.Amount));
            Assert.Equal(inTheMoney, histogram.Sum(b => b.Simulations));
            Assert.Equal(byKey[key]["payoutCentsTotal"]!.GetValue<long>(), histogram.Sum(b => b.Amount * b.Simulations));
            Assert.Equal((double)inTheMoney / nSims, byKey[key]["pInTheMoney"]!.GetValue<double>(), 12);

            // Tied entries share the group's first position and every paid position pays, so an entry is in
            // the money exactly when it finishes in the 2025 pool's six paid positions.
            Assert.Equal(positions.Take(6).Sum(), inTheMoney);
        }

        Assert.Equal(byKey.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Order(StringComparer.Ordinal), lines.Select(l => JsonNode.Parse(l)!["entryKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Following_a_five_million_simulation_run_streams_its_events_with_the_rate_until_it_ends()
    {
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var runId = await _http.CreateRunAsync(SimulationApi.Request(advancement, nSims: 5_000_000, seed: 5).ToJsonString());

        var clock = Stopwatch.StartNew();
        var events = await _http.FollowEventsAsync(runId, TimeSpan.FromSeconds(30));
        output.WriteLine($"stream ended after {clock.Elapsed.TotalMilliseconds:N0} ms: {string.Join(", ", events.Select(e => e.Name))}");
        foreach (var progress in events.Where(e => e.Name == "RUN.PROGRESS"))
        {
            output.WriteLine(progress.Data.ToJsonString());
        }

        var names = events.Select(e => e.Name).ToList();
        Assert.Equal("RUN.QUEUED", names[0]);
        Assert.Equal("RUN.STARTED", names[1]);
        Assert.Equal("RUN.SUCCEEDED", names[^1]);
        Assert.Contains(events, e => e.Name == "RUN.PROGRESS"
            && e.Data["message"]?.GetValue<string>() is { } message && message.Contains("simulations/s", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Data["sequence"]!.GetValue<long>()));
        Assert.Equal(events.Select(e => e.Data["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));

        // The stream ended because the run did: it is succeeded and the stream carried every event.
        var run = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
        Assert.Equal("succeeded", SimulationApi.Status(run!));
        Assert.Equal(events.Count, run!["eventCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Cancelling_a_fifty_million_simulation_run_mid_flight_stops_it_without_artifacts()
    {
        var advancement = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var runId = await _http.CreateRunAsync(SimulationApi.Request(advancement, nSims: 50_000_000, seed: 50).ToJsonString());

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events");
            if (page!["events"]!.AsArray().Any(e => e!["name"]!.GetValue<string>() == "RUN.PROGRESS"))
            {
                Assert.Equal("running", page["status"]!.GetValue<string>());
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "no RUN.PROGRESS within 15 s: " + page.ToJsonString());
            await Task.Delay(25);
        }

        var cancel = await _http.PostAsync($"/api/v1/runs/{runId}/cancel", null);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());

        var run = await _http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(2));
        Assert.Equal("cancelled", SimulationApi.Status(run));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Empty(run["artifacts"]!.AsArray());
        Assert.NotNull(run["finishedAt"]);
        var eventCount = run["eventCount"]!.GetValue<long>();

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var later = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
        Assert.Equal("cancelled", SimulationApi.Status(later!));
        Assert.Equal(eventCount, later!["eventCount"]!.GetValue<long>());
        Assert.Empty(later["artifacts"]!.AsArray());
        var events = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events"))!["events"]!.AsArray();
        Assert.Equal(eventCount, events.Count);
        Assert.Equal("RUN.CANCELLED", events[^1]!["name"]!.GetValue<string>());
        Assert.Single(events, e => e!["name"]!.GetValue<string>() is "RUN.CANCELLED" or "RUN.SUCCEEDED" or "RUN.FAILED");
    }
}
