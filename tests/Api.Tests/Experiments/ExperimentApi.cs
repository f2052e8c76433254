using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>Helpers for experiments over the API: create, wait for the end, read pages, follow the live event stream.</summary>
public static class ExperimentApi
{
    public const string Experiments = "/api/v1/experiments";

    /// <summary>Posts the request and asserts 202 with a Location to the experiment; returns the body.</summary>
    public static async Task<JsonObject> CreateExperimentAsync(this HttpClient http, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Experiments)
        {
            Content = new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"create {request.ToJsonString()}: {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.EndsWith($"{Experiments}/{body.Text("experimentId")}", response.Headers.Location!.ToString());
        return body;
    }

    /// <summary>Polls the experiment until it is succeeded, failed or cancelled; fails at the deadline.</summary>
    public static async Task<JsonObject> WaitForEndAsync(this HttpClient http, string experimentId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var experiment = await http.GetOkAsync($"{Experiments}/{experimentId}");
            if (experiment.Text("status") is "succeeded" or "failed" or "cancelled")
            {
                return experiment;
            }

            Assert.True(DateTime.UtcNow < deadline, $"experiment {experimentId} still {experiment.Text("status")}: {experiment.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Creates the experiment and waits until it succeeded; returns its snapshot.</summary>
    public static async Task<JsonObject> RunExperimentToSuccessAsync(this HttpClient http, JsonObject request)
    {
        var created = await http.CreateExperimentAsync(request);
        var experiment = await http.WaitForEndAsync(created.Text("experimentId"), TimeSpan.FromMinutes(2));
        Assert.True(experiment.Text("status") == "succeeded", experiment.ToJsonString());
        return experiment;
    }

    /// <summary>Every experiment id the list shows, following <c>nextCursor</c>.</summary>
    public static async Task<IReadOnlyList<string>> ListIdsAsync(this HttpClient http, int limit = 500)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetOkAsync($"{Experiments}?limit={limit}{(cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor))}");
            ids.AddRange(page["items"].Objects().Select(i => i.Text("experimentId")));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return ids;
    }

    /// <summary>True when the node is a JSON number written as a whole number (no fraction, no exponent).</summary>
    public static bool IsWholeNumber(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && node.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-');

    /// <summary>Follows the experiment's <c>/events</c> as a live stream until the server ends it; fails at the deadline.</summary>
    public static Task<List<StreamedEvent>> FollowEventsAsync(this HttpClient http, string experimentId, TimeSpan timeout) =>
        http.FollowEventStreamAsync($"{Experiments}/{experimentId}/events", timeout);

    /// <summary>Reads a reply expecting a problem with <paramref name="status"/>; returns it.</summary>
    public static async Task<SandboxApi.Reply> ExpectStatusAsync(this HttpClient http, HttpMethod method, string path, HttpStatusCode status)
    {
        var reply = await http.SendAsync(method, path);
        Assert.True(reply.Status == status, $"{method} {path}: expected {(int)status}, got {reply}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", reply.ContentType);
        }

        return reply;
    }
}
