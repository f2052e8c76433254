using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// The fuzz suite: malformed requests generated from the OpenAPI document the API serves, against every POST, PUT
/// and DELETE operation in it. Every answer must be a 4xx with problem details (never a 5xx, never a success), and
/// the grain-storage write counter must not move for any of them. Seeded and reproducible: the seed is printed, fixed
/// by default, and <c>LABSANDBOX_FUZZ_SEED</c> / <c>LABSANDBOX_FUZZ_REQUESTS</c> change it and the count; each failure
/// prints its case's own seed, and <c>LABSANDBOX_FUZZ_CASE</c> sends that one case again.
/// </summary>
public sealed class MalformedRequestFuzzTests(MalformedRequestFuzzTests.Lab lab, ITestOutputHelper output) : IClassFixture<MalformedRequestFuzzTests.Lab>
{
    /// <summary>The run's seed (CsCheck's PCG format): fixed, so every run sends the same requests.</summary>
    public const string DefaultSeed = "0000000000000";

    public const int DefaultRequests = 12_000;

    [Fact]
    public async Task Malformed_requests_get_4xx_problem_details_and_write_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("LABSANDBOX_FUZZ_SEED") is { Length: > 0 } s ? s : DefaultSeed;
        var requests = int.TryParse(Environment.GetEnvironmentVariable("LABSANDBOX_FUZZ_REQUESTS"), out var n) ? n : DefaultRequests;
        var only = Environment.GetEnvironmentVariable("LABSANDBOX_FUZZ_CASE") is { Length: > 0 } c ? c : null;
        output.WriteLine(only is null
            ? $"fuzz seed {seed}, {requests} requests (LABSANDBOX_FUZZ_SEED / LABSANDBOX_FUZZ_REQUESTS change them; LABSANDBOX_FUZZ_CASE repeats one case)"
            : $"fuzz case {only} alone");

        var document = (await lab.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var operations = OpenApiOperations.Read(document);
        Assert.True(operations.Count >= 15, $"the document lists only {operations.Count} write operations");
        Assert.All(operations.Where(o => o.Body is not null), o => Assert.NotEmpty(o.Body!.Bases));
        var cases = new FuzzCases(operations, lab.ExistingIds).All;

        var storage = lab.Factory.Storage!;
        var writesBefore = storage.WritesByState;
        var byOperation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byStatus = new SortedDictionary<int, int>();
        var byBreak = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        // Each case has its own seed drawn from the run's, so the run is the same every time and any one case can be
        // generated again alone from the seed its failure prints.
        var master = PCG.Parse(seed);
        var tried = 0;
        for (; tried < (only is null ? requests : 1); tried++)
        {
            var pcg = only is null ? new PCG(master.Stream, master.Next64()) : PCG.Parse(only);
            var caseSeed = pcg.ToString();
            var request = cases.Generate(pcg, null, out _);
            var before = storage.TotalWrites;
            using var message = request.ToRequest();
            using var response = await lab.Http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Count(byOperation, request.Operation.OperationId);
            Count(byStatus, status);
            Count(byBreak, request.Break.Split(':')[0]);

            var failure = status is < 400 or >= 500 ? $"{status}: {Clip(body)}"
                : response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    ? $"{status} without problem details ({response.Content.Headers.ContentType}): {Clip(body)}"
                : JsonNode.Parse(body)?["status"]?.GetValue<int>() != status ? $"{status} but the problem says otherwise: {Clip(body)}"
                : storage.TotalWrites != before ? $"{status} but grain state was written"
                : null;
            if (failure is not null)
            {
                failures.Add($"case {caseSeed}: {failure}\n  for {request}");
            }
        }

        Print(tried, clock.Elapsed, byOperation, byStatus, byBreak);
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine("FAILED " + failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} malformed requests were not refused cleanly; the first:\n{failures.FirstOrDefault()}");
        Assert.True(only is not null || tried >= 10_000 || requests < 10_000, $"only {tried} requests were tried");
        Assert.Equal(writesBefore, storage.WritesByState);
    }

    private static void Count<TKey>(IDictionary<TKey, int> counts, TKey key) => counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;

    private void Print(int tried, TimeSpan elapsed, IDictionary<string, int> byOperation, IDictionary<int, int> byStatus, IDictionary<string, int> byBreak)
    {
        output.WriteLine($"{tried} requests in {elapsed.TotalSeconds:F1} s");
        output.WriteLine("by status: " + string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine("by operation:");
        foreach (var (operation, count) in byOperation.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {operation}: {count}");
        }

        output.WriteLine("by break:");
        foreach (var (kind, count) in byBreak.OrderByDescending(b => b.Value))
        {
            output.WriteLine($"  {kind}: {count}");
        }
    }

    private static string Clip(string text) => text.Length > 600 ? text[..600] + "…" : text;

    /// <summary>The lab under fuzz: its own API, with one synthetic calcutta (and its entries) for the operations that edit one.</summary>
    public sealed class Lab : IAsyncLifetime
    {
        public LabApiFactory Factory { get; } = new();

        public HttpClient Http { get; private set; } = null!;

        public IReadOnlyDictionary<string, string> ExistingIds { get; private set; } = new Dictionary<string, string>();

        public async Task InitializeAsync()
        {
            Http = Factory.CreateClient();
            var synthetic = await Http.CreateFromCalcuttaAsync("syn-fuzz", "calcutta-2017");
            ExistingIds = new Dictionary<string, string>
            {
                ["syntheticCalcuttaId"] = "syn-fuzz",
                ["entryKey"] = synthetic["entries"]!.AsArray()[0]!["entryKey"]!.GetValue<string>(),
            };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
