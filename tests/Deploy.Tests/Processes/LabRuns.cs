using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// Runs through the API as a client would in a cluster that is losing a pod: every create carries an
/// Idempotency-Key, so a request refused with 5xx (a silo just died and is not yet declared dead) is simply sent again.
/// </summary>
public sealed class LabRuns(HttpClient http)
{
    public async Task<string> AdvancementMetricsAsync()
    {
        var run = await RunAsync("""{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""",
            "deploy-advancement", TimeSpan.FromMinutes(2));
        return run["artifacts"]!.AsArray().First(a => a!["kind"]!.GetValue<string>() == "metrics")!["artifactId"]!.GetValue<string>();
    }

    public Task<JsonObject> SimulateAsync(string metricsArtifactId, int seed, TimeSpan timeout) =>
        RunAsync($$"""{"kind":"simulation","advancementArtifactId":"{{metricsArtifactId}}","nSims":200000,"seed":{{seed}},"startingState":"pre_tournament","calcuttaId":"calcutta-2025"}""",
            $"deploy-simulation-{seed}", timeout);

    private async Task<JsonObject> RunAsync(string body, string idempotencyKey, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var runId = await CreateAsync(body, idempotencyKey, deadline);
        while (true)
        {
            var run = await GetOrNullAsync($"/api/v1/runs/{runId}");
            if (run?["status"]?.GetValue<string>() is "succeeded")
            {
                return run;
            }

            Assert.False(run?["status"]?.GetValue<string>() is "failed" or "cancelled", $"run {runId} ended {run?["status"]}: {run}");
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not succeed within {timeout}: {run}");
            await Task.Delay(500);
        }
    }

    private async Task<string> CreateAsync(string body, string idempotencyKey, DateTime deadline)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
            }

            Assert.True((int)response.StatusCode >= 500 && DateTime.UtcNow < deadline,
                $"POST /api/v1/runs answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(1000);
        }
    }

    private async Task<JsonObject?> GetOrNullAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }
}
