using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>
/// An experiment's event log over the API: as JSON it runs from <c>EXPERIMENT.START</c> to <c>EXPERIMENT.END</c>
/// with contiguous sequences, pages with <c>after</c>/<c>limit</c> to the same events, and as a live
/// <c>text/event-stream</c> it streams the same events and ends with the experiment.
/// </summary>
[Collection(ExperimentsCollection.Name)]
public sealed class ExperimentEventsTests(ExperimentsFixture fixture)
{
    private static readonly string[] Types =
    [
        "EXPERIMENT.START", "ITERATION.START", "ORCH.BATCH", "ORCH.PRUNE", "EVAL.RESULT", "ITERATION.ACCEPTED", "ORCH.EARLY_STOP", "EXPERIMENT.END",
    ];

    [Fact]
    public async Task The_event_log_is_contiguous_from_start_to_end_pages_to_the_same_events_and_streams_live_until_the_end()
    {
        var http = fixture.Http;
        const string experimentId = "exp-api-events";
        await http.CreateExperimentAsync(fixture.Request(experimentId, ("masterSeed", 5)));

        // Followed live from creation: the stream ends by itself once the experiment has ended.
        var live = await http.FollowEventsAsync(experimentId, TimeSpan.FromMinutes(2));
        var experiment = await http.WaitForEndAsync(experimentId, TimeSpan.FromSeconds(30));
        Assert.True(experiment.Text("status") == "succeeded", experiment.ToJsonString());

        var page = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/events");
        Assert.Equal(experimentId, page.Text("experimentId"));
        Assert.Equal("succeeded", page.Text("status"));
        Assert.True(page["ended"]!.GetValue<bool>());
        var events = page["events"].Objects().ToList();
        var count = experiment["eventCount"]!.GetValue<long>();
        Assert.Equal(count, events.Count);
        Assert.Equal(count, page["lastSequence"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.Equal("EXPERIMENT.START", events[0].Text("type"));
        Assert.Equal("EXPERIMENT.END", events[^1].Text("type"));
        Assert.All(events, e => Assert.Contains(e.Text("type"), Types));
        Assert.All(events, e => Assert.IsType<JsonObject>(e["data"]));
        Assert.Equal(5, events[0]["data"]!["masterSeed"]!.GetValue<long>());
        Assert.Equal(experiment.Text("convergenceReason"), events[^1]["data"].Text("reason"));
        Assert.Equal(experiment["numIterations"]!.GetValue<int>(), events.Count(e => e.Text("type") == "ITERATION.START"));

        // Paging with after/limit gives the same events.
        var paged = new List<JsonObject>();
        long after = 0;
        while (true)
        {
            var next = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/events?after={after}&limit=3");
            var items = next["events"].Objects().ToList();
            Assert.True(items.Count <= 3);
            paged.AddRange(items);
            after = next["lastSequence"]!.GetValue<long>();
            if (next["ended"]!.GetValue<bool>())
            {
                Assert.Equal(count, after);
                break;
            }

            Assert.Equal(3, items.Count);
        }

        Assert.True(JsonNode.DeepEquals(new JsonArray([.. events.Select(e => e.DeepClone())]), new JsonArray([.. paged.Select(e => e.DeepClone())])));
        var tail = await http.GetOkAsync($"{ExperimentApi.Experiments}/{experimentId}/events?after={count}");
        Assert.Empty(tail["events"]!.AsArray());
        Assert.True(tail["ended"]!.GetValue<bool>());

        // The live stream carried every event: SSE name = type, id = sequence, data = the event with its payload as an object.
        AssertStreamed(events, live);

        // Streaming a finished experiment replays its whole log and ends.
        AssertStreamed(events, await http.FollowEventsAsync(experimentId, TimeSpan.FromSeconds(30)));

        // Bad paging parameters are 400s.
        await http.ExpectStatusAsync(HttpMethod.Get, $"{ExperimentApi.Experiments}/{experimentId}/events?limit=0", HttpStatusCode.BadRequest);
        await http.ExpectStatusAsync(HttpMethod.Get, $"{ExperimentApi.Experiments}/{experimentId}/events?after=-1", HttpStatusCode.BadRequest);
    }

    private static void AssertStreamed(IReadOnlyList<JsonObject> events, IReadOnlyList<StreamedEvent> streamed)
    {
        Assert.Equal(events.Select(e => e.Text("type")), streamed.Select(s => s.Name));
        Assert.Equal(events.Select(e => e["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)), streamed.Select(s => s.Id));
        for (var i = 0; i < events.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(events[i], streamed[i].Data), $"{events[i].ToJsonString()} vs {streamed[i].Data.ToJsonString()}");
        }
    }
}
