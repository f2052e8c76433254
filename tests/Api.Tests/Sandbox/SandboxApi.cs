using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// Helpers for the Sandbox over the API: synthetic-calcutta commands that must succeed (failing with the
/// status and body otherwise), problem responses, and simulation requests over a synthetic calcutta.
/// </summary>
public static class SandboxApi
{
    public const string SyntheticCalcuttas = "/api/v1/sandbox/synthetic-calcuttas";

    public const string Cohorts = "/api/v1/sandbox/cohorts";

    /// <summary>A response read whole: its status, its body as text, and the body parsed when it is a JSON object.</summary>
    public sealed record Reply(HttpStatusCode Status, string Text, JsonObject? Body, string? ContentType)
    {
        public override string ToString() => $"{(int)Status} {Text}";
    }

    /// <summary>Sends <paramref name="body"/> (or nothing) as JSON and reads the reply whole.</summary>
    public static async Task<Reply> SendAsync(this HttpClient http, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? parsed = null;
        try
        {
            parsed = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the text says what came back.
        }

        return new Reply(response.StatusCode, text, parsed, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Sends and asserts 200; returns the body (a synthetic calcutta or cohort snapshot).</summary>
    public static async Task<JsonObject> OkAsync(this HttpClient http, HttpMethod method, string path, JsonNode? body = null)
    {
        var reply = await http.SendAsync(method, path, body);
        Assert.True(reply.Status == HttpStatusCode.OK, $"{method} {path} {body?.ToJsonString()}: {reply}");
        return reply.Body!;
    }

    /// <summary>Asserts a 400 problem whose errors name exactly <paramref name="fields"/>; returns the problem.</summary>
    public static JsonObject AssertInvalid(Reply reply, string context, params string[] fields)
    {
        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{context}: {reply}");
        Assert.Equal("application/problem+json", reply.ContentType);
        var errors = reply.Body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.True(errors.SequenceEqual(fields.Order(StringComparer.Ordinal)), $"{context}: expected errors on [{string.Join(", ", fields)}]: {reply}");
        return reply.Body;
    }

    /// <summary>The messages of one field of a 400 problem.</summary>
    public static IReadOnlyList<string> Messages(JsonObject problem, string field) =>
        problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();

    public static Task<JsonObject> CreateFromCalcuttaAsync(this HttpClient http, string syntheticCalcuttaId, string calcuttaId) =>
        http.OkAsync(HttpMethod.Post, $"{SyntheticCalcuttas}/from-calcutta",
            new JsonObject { ["syntheticCalcuttaId"] = syntheticCalcuttaId, ["calcuttaId"] = calcuttaId });

    public static Task<JsonObject> GetSyntheticAsync(this HttpClient http, string syntheticCalcuttaId) =>
        http.OkAsync(HttpMethod.Get, $"{SyntheticCalcuttas}/{syntheticCalcuttaId}");

    public static Task<JsonObject> SetExcludedAsync(this HttpClient http, string syntheticCalcuttaId, string? entryKey) =>
        http.OkAsync(HttpMethod.Put, $"{SyntheticCalcuttas}/{syntheticCalcuttaId}/excluded-entry", new JsonObject { ["entryKey"] = entryKey });

    public static Task<JsonObject> AttachAsync(this HttpClient http, string syntheticCalcuttaId, string candidateId) =>
        http.OkAsync(HttpMethod.Post, $"{SyntheticCalcuttas}/{syntheticCalcuttaId}/candidates", new JsonObject { ["candidateId"] = candidateId });

    public static Task<JsonObject> SetFocusAsync(this HttpClient http, string syntheticCalcuttaId, string? candidateId) =>
        http.OkAsync(HttpMethod.Put, $"{SyntheticCalcuttas}/{syntheticCalcuttaId}/focus", new JsonObject { ["candidateId"] = candidateId });

    public static Task<JsonObject> PutEntryAsync(this HttpClient http, string syntheticCalcuttaId, string entryKey, JsonArray bids) =>
        http.OkAsync(HttpMethod.Put, $"{SyntheticCalcuttas}/{syntheticCalcuttaId}/entries/{entryKey}", new JsonObject { ["bids"] = bids });

    /// <summary>
    /// A copy of a real pool set up as the Lab evaluates it: the pool's lab-marked entry excluded, the Lab candidate
    /// attached and in focus. Returns the snapshot after the last change.
    /// </summary>
    public static async Task<JsonObject> CreateEvaluationCopyAsync(this HttpClient http, string syntheticCalcuttaId, string calcuttaId, string candidateId)
    {
        await http.CreateFromCalcuttaAsync(syntheticCalcuttaId, calcuttaId);
        await http.SetExcludedAsync(syntheticCalcuttaId, await http.LabExcludedEntryKeyAsync(calcuttaId));
        await http.AttachAsync(syntheticCalcuttaId, candidateId);
        return await http.SetFocusAsync(syntheticCalcuttaId, candidateId);
    }

    /// <summary>The entry the real pool marks <c>lab_excluded_entry</c> (exactly one).</summary>
    public static async Task<string> LabExcludedEntryKeyAsync(this HttpClient http, string calcuttaId)
    {
        var pool = await http.GetOkAsync($"/api/v1/calcuttas/{calcuttaId}");
        return pool["entries"].Objects().Single(e => e["isLabExcluded"]!.GetValue<bool>()).Text("entryKey");
    }

    /// <summary>A <c>simulation</c> request over a synthetic calcutta; its excluded entry and focus come from the calcutta.</summary>
    public static JsonObject SimulationRequest(string syntheticCalcuttaId, string advancementArtifactId, long nSims, long seed, string startingState = "post_first_four") =>
        new()
        {
            ["kind"] = "simulation",
            ["syntheticCalcuttaId"] = syntheticCalcuttaId,
            ["advancementArtifactId"] = advancementArtifactId,
            ["nSims"] = nSims,
            ["seed"] = seed,
            ["startingState"] = startingState,
        };

    /// <summary>Bids as the API takes them, from (team, points) pairs.</summary>
    public static JsonArray Bids(params (string TeamId, int BidPoints)[] bids) =>
        new(bids.Select(b => (JsonNode)new JsonObject { ["teamId"] = b.TeamId, ["bidPoints"] = b.BidPoints }).ToArray());

    /// <summary>The tournament's team ids, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> TeamIdsAsync(this HttpClient http, string tournamentId) =>
        (await http.GetOkAsync($"/api/v1/tournaments/{tournamentId}"))["teams"].Objects().Select(t => t.Text("teamId")).Order(StringComparer.Ordinal).ToList();

    /// <summary>The dataset ref a run pinned for <paramref name="kind"/>.</summary>
    public static JsonObject DatasetRef(JsonObject run, string kind) =>
        run["datasetRefs"].Objects().Single(d => d.Text("kind") == kind);

    /// <summary>The raw bytes of an artifact's content.</summary>
    public static async Task<byte[]> ArtifactBytesAsync(this HttpClient http, string artifactId)
    {
        using var response = await http.GetAsync($"/api/v1/artifacts/{artifactId}/content");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"artifact {artifactId}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string Digest(this JsonObject snapshot) => snapshot.Text("digest");

    public static int Version(this JsonObject snapshot) => snapshot["version"]!.GetValue<int>();

    public static IReadOnlyList<string> EntryKeys(this JsonObject snapshotOrMetrics) =>
        snapshotOrMetrics["entries"].Objects().Select(e => e.Text("entryKey")).ToList();
}
