using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// Fault (b): 500 runs submitted concurrently to a 3-silo process cluster while one silo is killed with SIGKILL
/// during the burst, each by a client that retries 5xx answers under its Idempotency-Key. Every submission is
/// accepted and succeeds; none is lost, none duplicated (the run catalog holds exactly the accepted ids, once).
/// </summary>
[Collection(FaultTestCollection.Name)]
public sealed class SubmissionBurstTests(ITestOutputHelper output)
{
    private const int Runs = 500;

    [Fact]
    public async Task Every_accepted_run_of_a_burst_with_a_killed_silo_reaches_a_terminal_state_once()
    {
        await using var cluster = await ProcessCluster.StartAsync("burst", silos: 3);
        var accepted = new ConcurrentDictionary<int, string>();
        var lastAnswers = new ConcurrentDictionary<int, string>();
        var submitted = 0;
        var clock = Stopwatch.StartNew();
        var kill = Task.Run(async () =>
        {
            while (Volatile.Read(ref submitted) < Runs / 5)
            {
                await Task.Delay(10);
            }

            await cluster.Silos[^1].KillAsync();
            output.WriteLine($"killed silo :{cluster.Silos[^1].SiloPort} with SIGKILL after {Volatile.Read(ref submitted)} submissions ({clock.Elapsed.TotalSeconds:N1} s)");
        });

        // Each submission is one client request with its own Idempotency-Key, retried while the cluster answers 5xx.
        await Parallel.ForEachAsync(Enumerable.Range(0, Runs), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var body = RunApi.AdvancementRequest(i % 2 == 0 ? "ncaa-2025" : "ncaa-2024", "pre_tournament", sigma: 5 + (i * 0.01));
            Interlocked.Increment(ref submitted);
            if (await FaultRuns.SubmitAsync(cluster, body, $"{cluster.ServiceId}-{i}", TimeSpan.FromMinutes(3), answer => lastAnswers[i] = answer) is { } runId)
            {
                accepted[i] = runId;
            }
        });
        await kill;
        output.WriteLine($"{accepted.Count} of {Runs} submissions accepted ({clock.Elapsed.TotalSeconds:N1} s)");
        foreach (var i in Enumerable.Range(0, Runs).Where(i => !accepted.ContainsKey(i)).Take(5))
        {
            output.WriteLine($"submission {i} never accepted; last answer: {lastAnswers.GetValueOrDefault(i)}");
        }

        var ids = accepted.Values.ToList();
        var terminal = new Dictionary<string, JsonObject>();
        foreach (var runId in ids.Distinct())
        {
            terminal[runId] = await cluster.WaitForTerminalAsync(runId, TimeSpan.FromMinutes(4));
        }

        var listed = await ListedRunIdsAsync(cluster);
        var wall = clock.Elapsed;
        var duplicated = (ids.Count - ids.Distinct().Count()) + (listed.Count - listed.Distinct().Count()) + listed.Except(ids).Count();
        FaultRuns.Figures(output, "burst + silo SIGKILL", Runs, terminal.Count, lost: Runs - terminal.Count, duplicated, wall);
        foreach (var (runId, run) in terminal.Where(t => t.Value["status"]!.GetValue<string>() != "succeeded"))
        {
            output.WriteLine($"{runId}: {run["status"]} after {run["attempt"]} attempt(s): {run["lastError"]}");
        }

        Assert.Equal(Runs, accepted.Count);
        Assert.Equal(0, duplicated);
        Assert.All(terminal.Values, run => Assert.Equal("succeeded", run["status"]!.GetValue<string>()));
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> ListedRunIdsAsync(ProcessCluster cluster)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await cluster.Http.GetFromJsonAsync<JsonObject>("/api/v1/runs?limit=500" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            ids.AddRange(page!["items"]!.AsArray().Select(i => i!["runId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }
}
