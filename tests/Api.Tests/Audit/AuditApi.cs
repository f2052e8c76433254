using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>Requests made with one API key, and the audit trail read back whole through <c>GET /api/v1/audit</c>.</summary>
public static class AuditApi
{
    public const string Audit = "/api/v1/audit";

    /// <summary>An answer read whole.</summary>
    public sealed record Reply(HttpStatusCode Status, JsonNode? Json, string? Location)
    {
        public string Text(string field) => Json![field]!.GetValue<string>();
    }

    /// <summary>One audit row as compared in tests.</summary>
    public sealed record Row(string Actor, string Method, string Route, string? TargetId, int Status);

    /// <summary>Sends one request with <paramref name="key"/> as its bearer token (none when null).</summary>
    public static async Task<Reply> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null, response.Headers.Location?.ToString());
    }

    /// <summary>
    /// Every row after <paramref name="after"/>, following <c>nextCursor</c> with pages of <paramref name="limit"/>, read
    /// by a client that sends an admin key (the listing is admin-only).
    /// </summary>
    public static async Task<List<JsonObject>> ReadAllAsync(this HttpClient admin, long after = 0, int limit = 500, string? actor = null)
    {
        var rows = new List<JsonObject>();
        long? cursor = after;
        while (cursor is { } from)
        {
            var query = $"{Audit}?after={from}&limit={limit}" + (actor is null ? "" : $"&actor={Uri.EscapeDataString(actor)}");
            var page = (await admin.GetFromJsonAsync<JsonObject>(query))!;
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(items.Count <= limit, $"{items.Count} rows in a page of {limit}");
            rows.AddRange(items);
            cursor = page["nextCursor"]?.GetValue<long>();
        }

        return rows;
    }

    public static Row RowOf(JsonObject row) => new(
        row["actor"]!.GetValue<string>(), row["method"]!.GetValue<string>(), row["route"]!.GetValue<string>(),
        row["targetId"]?.GetValue<string>(), row["status"]!.GetValue<int>());
}
