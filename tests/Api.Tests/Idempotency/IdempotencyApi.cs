using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Idempotency;

/// <summary>Helpers for <c>Idempotency-Key</c> tests: keyed POSTs read whole, and run counts.</summary>
public static class IdempotencyApi
{
    public const string Header = "Idempotency-Key";

    public const string Runs = "/api/v1/runs";

    /// <summary>A response read whole: status, media type, <c>Location</c>, the body bytes and the replay marker.</summary>
    public sealed record Reply(HttpStatusCode Status, string? ContentType, string? Location, byte[] Body, bool Replayed)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        public override string ToString() => $"{(int)Status} {Text}";
    }

    /// <summary>A key no other test uses.</summary>
    public static string NewKey(string label) => $"{label}-{Guid.NewGuid():N}";

    /// <summary>POSTs <paramref name="json"/> with the key sent as is (no header when null), and reads the reply whole.</summary>
    public static async Task<Reply> PostWithKeyAsync(this HttpClient http, string path, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(Header, key));
        }

        using var response = await http.SendAsync(request);
        return new Reply(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location?.ToString(),
            await response.Content.ReadAsByteArrayAsync(),
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
    }

    /// <summary>How many runs the API lists (every test here creates fewer than 500).</summary>
    public static async Task<int> CountRunsAsync(this HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonObject>($"{Runs}?limit=500");
        Assert.Null(page!["nextCursor"]);
        return page["items"]!.AsArray().Count;
    }

    /// <summary>Asserts an RFC 7807 problem with this status whose detail names the key; returns the problem.</summary>
    public static JsonObject AssertProblemNamingKey(Reply reply, HttpStatusCode status, string key)
    {
        Assert.True(reply.Status == status, $"expected {(int)status}: {reply}");
        Assert.Equal("application/problem+json", reply.ContentType);
        var problem = reply.Json;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), reply.ToString());
        Assert.Contains($"'{key}'", problem["detail"]!.GetValue<string>());
        return problem;
    }

    /// <summary>A run create whose spec no other test in the class posts (sigma tells them apart).</summary>
    public static string RunRequest(double sigma) => RunApi.AdvancementRequest("ncaa-2019", "pre_tournament", sigma);
}
