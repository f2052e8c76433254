using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>One server-sent event: its name, id and data (a JSON object).</summary>
public sealed record StreamedEvent(string Name, string? Id, JsonObject Data);

/// <summary>Reads a <c>text/event-stream</c> endpoint (run events, experiment events) the way a client would.</summary>
public static class EventStream
{
    /// <summary>
    /// Follows <paramref name="path"/> with <c>Accept: text/event-stream</c> until the server ends the stream;
    /// fails if it is still open at the deadline.
    /// </summary>
    public static async Task<List<StreamedEvent>> FollowEventStreamAsync(this HttpClient http, string path, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var events = new List<StreamedEvent>();
        string? name = null, id = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    events.Add(new StreamedEvent(name ?? "message", id, JsonNode.Parse(string.Join('\n', data))!.AsObject()));
                }

                (name, id) = (null, null);
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line["id:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }

        return events;
    }
}
