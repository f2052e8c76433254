using System.Collections.Concurrent;
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
/// by default, and <c>LABSANDBOX_FUZZ_SEED</c> / <c>LABSANDBOX_FUZZ_REQUESTS</c> change it and the count.
/// </summary>
public sealed class MalformedRequestFuzzTests(MalformedRequestFuzzTests.Lab lab, ITestOutputHelper output) : IClassFixture<MalformedRequestFuzzTests.Lab>
{
    /// <summary>A fixed seed, so every run tries the same requests (CsCheck's seed format).</summary>
    public const string DefaultSeed = "0000000000000";

    public const int DefaultRequests = 12_000;

    [Fact]
    public async Task Malformed_requests_get_4xx_problem_details_and_write_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("LABSANDBOX_FUZZ_SEED") is { Length: > 0 } s ? s : DefaultSeed;
        var requests = int.TryParse(Environment.GetEnvironmentVariable("LABSANDBOX_FUZZ_REQUESTS"), out var n) ? n : DefaultRequests;
        output.WriteLine($"fuzz seed {seed}, {requests} requests (LABSANDBOX_FUZZ_SEED / LABSANDBOX_FUZZ_REQUESTS to change)");

        var document = (await lab.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var operations = OpenApiOperations.Read(document);
        Assert.True(operations.Count >= 15, $"the document lists only {operations.Count} write operations");
        Assert.All(operations.Where(o => o.Body is not null), o => Assert.NotEmpty(o.Body!.Bases));
        var cases = new FuzzCases(operations, lab.ExistingIds);

        var storage = lab.Factory.Storage!;
        var writesBefore = storage.WritesByState;
        var byOperation = new ConcurrentDictionary<string, int>();
        var byStatus = new ConcurrentDictionary<int, int>();
        var byBreak = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var tried = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            await cases.All.SampleAsync(async request =>
            {
                var before = storage.TotalWrites;
                using var message = request.ToRequest();
                using var response = await lab.Http.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Interlocked.Increment(ref tried);
                byOperation.AddOrUpdate(request.Operation.OperationId, 1, (_, c) => c + 1);
                byStatus.AddOrUpdate(status, 1, (_, c) => c + 1);
                byBreak.AddOrUpdate(request.Break.Split(':')[0], 1, (_, c) => c + 1);

                var failure = status is < 400 or >= 500 ? $"{status} for {request}\n{Clip(body)}"
                    : response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                        ? $"{status} without problem details ({response.Content.Headers.ContentType}) for {request}\n{Clip(body)}"
                    : JsonNode.Parse(body)?["status"]?.GetValue<int>() != status ? $"problem status differs for {request}\n{Clip(body)}"
                    : storage.TotalWrites != before ? $"{status} but grain state was written for {request}"
                    : null;
                if (failure is not null)
                {
                    failures.Enqueue(failure);
                    Assert.Fail(failure);
                }
            }, seed: seed, iter: requests, threads: 1, print: r => r.ToString());
        }
        finally
        {
            Print(tried, clock.Elapsed, byOperation, byStatus, byBreak);
            foreach (var failure in failures.Take(20))
            {
                output.WriteLine("FAILED: " + failure);
            }
        }

        Assert.True(tried >= Math.Min(requests, 10_000), $"only {tried} requests were tried");
        Assert.Equal(writesBefore, storage.WritesByState);
    }

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
