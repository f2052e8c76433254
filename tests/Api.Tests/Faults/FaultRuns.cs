using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Simulations;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>What the fault tests share: a long simulation, waiting for it to be under way, and the metrics digest.</summary>
internal static class FaultRuns
{
    public const long NSims = 12_000_000;

    public static async Task<JsonObject> SimulationRequestAsync(ProcessCluster cluster, long seed)
    {
        var advancement = await cluster.WaitForTerminalAsync(
            await cluster.Http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2025", "pre_tournament")), TimeSpan.FromMinutes(1));
        Assert.Equal("succeeded", advancement["status"]!.GetValue<string>());
        return SimulationApi.Request(SimulationApi.ArtifactId(advancement, "metrics"), NSims, seed, chunkSize: 100_000);
    }

    /// <summary>Waits until the run has done at least <paramref name="percent"/>% (a progress event says so); returns the run.</summary>
    public static async Task<JsonObject> WaitForProgressAsync(ProcessCluster cluster, string runId, double percent)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var events = await cluster.Http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events");
            var done = events!["events"]!.AsArray().Select(e => e!["percent"]?.GetValue<double>() ?? 0).DefaultIfEmpty(0).Max();
            if (done >= percent)
            {
                return (await cluster.Http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}"))!;
            }

            Assert.NotEqual("succeeded", events["status"]!.GetValue<string>());
            await Task.Delay(100);
        }

        throw new TimeoutException($"run {runId} never reached {percent}%");
    }

    /// <summary>
    /// Submits a run as a careful client does: with an Idempotency-Key, retrying while the cluster answers 5xx
    /// or not at all (a silo just died, the database restarts). Returns the run id, or null if it never got in.
    /// </summary>
    public static async Task<string?> SubmitAsync(ProcessCluster cluster, string body, string key, TimeSpan patience, Action<string>? lastAnswer = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await cluster.Http.SendAsync(request);
                if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
                }

                var text = await response.Content.ReadAsStringAsync();
                lastAnswer?.Invoke($"{(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
                Assert.True((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {text}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lastAnswer?.Invoke(ex.GetType().Name + ": " + ex.Message);
            }

            await Task.Delay(250);
        }

        return null;
    }

    public static async Task<string> MetricsSha256Async(ProcessCluster cluster, JsonObject run)
    {
        var metricsId = SimulationApi.ArtifactId(run, "metrics");
        var artifact = await cluster.Http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{metricsId}");
        return artifact!["sha256"]!.GetValue<string>();
    }

    public static async Task<string> EventSummaryAsync(ProcessCluster cluster, string runId)
    {
        var events = await cluster.Http.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/events");
        return string.Join(" | ", events!["events"]!.AsArray()
            .Where(e => e!["name"]!.GetValue<string>() != "RUN.PROGRESS" || e["phase"]?.GetValue<string>() == "resume")
            .Select(e => $"{e!["name"]}#{e["attempt"]} {e["message"]}"));
    }

    public static void Figures(ITestOutputHelper output, string test, int submitted, int completed, int lost, int duplicated, TimeSpan wall) =>
        output.WriteLine($"[{test}] runs submitted {submitted}, completed {completed}, lost {lost}, duplicated {duplicated}, wall time {wall.TotalSeconds:N1} s");
}
