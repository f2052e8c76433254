using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Retention;

/// <summary>
/// The <c>retention</c> run kind over HTTP: created through <c>POST /api/v1/runs</c>, a dry run by default; a real
/// one tombstones heavy artifacts, whose record then says so, whose content is 410 Gone and whose lineage
/// node is marked deleted. Each test class has its own cluster, so retention reaches no other class's runs.
/// </summary>
public sealed class RetentionApiTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task A_real_retention_tombstones_the_heavy_artifact_and_reads_show_it_without_writing()
    {
        var advancement = await _http.WaitForTerminalAsync(await _http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2024", "pre_tournament")), RunTimeout);
        Assert.Equal("succeeded", advancement.Text("status"));
        var heavyId = ArtifactOf(advancement, "advancement");
        var metricsId = ArtifactOf(advancement, "metrics");
        var before = await _http.GetOkAsync($"/api/v1/artifacts/{heavyId}");
        Assert.False(before["deleted"]!.GetValue<bool>());
        Assert.Null(before["deletedAt"]);
        Assert.Null(before["deletedByRunId"]);

        // A dry run (the default): counted, nothing changed.
        var dry = await RetentionAsync("""{"kind":"retention","olderThanDays":0}""");
        var dryMetrics = await _http.GetMetricsAsync(dry);
        Assert.True(dryMetrics["dryRun"]!.GetValue<bool>());
        Assert.Contains(heavyId, Ids(dryMetrics, "artifactIds"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/api/v1/artifacts/{heavyId}/content")).StatusCode);
        Assert.False((await _http.GetOkAsync($"/api/v1/artifacts/{heavyId}"))["deleted"]!.GetValue<bool>());

        // A real run.
        var real = await RetentionAsync("""{"kind":"retention","olderThanDays":0,"dryRun":false}""");
        var realId = real.Text("runId");
        var realMetrics = await _http.GetMetricsAsync(real);
        Assert.False(realMetrics["dryRun"]!.GetValue<bool>());
        Assert.Contains(heavyId, Ids(realMetrics, "artifactIds"));
        Assert.DoesNotContain(metricsId, Ids(realMetrics, "artifactIds"));
        Assert.Equal("succeeded", (await _http.GetOkAsync($"/api/v1/runs/{advancement.Text("runId")}")).Text("status"));

        var storage = fixture.Factory.Storage ?? throw new InvalidOperationException("storage was not wrapped");
        var writesBefore = storage.WritesByState;

        var artifact = await _http.GetOkAsync($"/api/v1/artifacts/{heavyId}");
        Assert.True(artifact["deleted"]!.GetValue<bool>());
        Assert.Equal(realId, artifact.Text("deletedByRunId"));
        Assert.NotNull(artifact["deletedAt"]);
        Assert.NotNull(artifact["summary"]);
        Assert.False((await _http.GetOkAsync($"/api/v1/artifacts/{metricsId}"))["deleted"]!.GetValue<bool>());

        using var content = await _http.GetAsync($"/api/v1/artifacts/{heavyId}/content");
        Assert.Equal(HttpStatusCode.Gone, content.StatusCode);
        Assert.Equal("application/problem+json", content.Content.Headers.ContentType!.MediaType);
        var problem = (await content.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"retention run '{realId}'", problem.Text("detail"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/api/v1/artifacts/{metricsId}/content")).StatusCode);

        var lineage = await _http.GetOkAsync($"/api/v1/artifacts/{heavyId}/lineage");
        var node = Assert.Single(lineage["nodes"]!.AsArray())!;
        Assert.Equal(heavyId, node.Text("artifactId"));
        Assert.True(node["deleted"]!.GetValue<bool>());
        var metricsNode = Assert.Single((await _http.GetOkAsync($"/api/v1/artifacts/{metricsId}/lineage"))["nodes"]!.AsArray())!;
        Assert.False(metricsNode["deleted"]!.GetValue<bool>());

        Assert.Equal(writesBefore, storage.WritesByState); // INV-6: reading a tombstoned artifact writes nothing

        // Again: idempotent.
        var again = await _http.GetMetricsAsync(await RetentionAsync("""{"kind":"retention","olderThanDays":0,"dryRun":false}"""));
        Assert.DoesNotContain(heavyId, Ids(again, "artifactIds"));
        Assert.True(again["artifactsAlreadyTombstoned"]!.GetValue<int>() >= 1);
        Assert.Equal(realId, (await _http.GetOkAsync($"/api/v1/artifacts/{heavyId}")).Text("deletedByRunId"));
    }

    [Theory]
    [InlineData("""{"kind":"retention"}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":-1}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":2.5}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":"30"}""", "olderThanDays")]
    [InlineData("""{"kind":"retention","olderThanDays":30,"dryRun":"no"}""", "dryRun")]
    [InlineData("""{"kind":"retention","olderThanDays":30,"dryRun":1}""", "dryRun")]
    [InlineData("""{"kind":"retention","olderThanDays":30,"purge":true}""", "purge")]
    public async Task Bad_params_are_a_400_problem_naming_the_field(string body, string field)
    {
        using var response = await _http.PostJsonAsync("/api/v1/runs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private async Task<JsonObject> RetentionAsync(string request)
    {
        var run = await _http.WaitForTerminalAsync(await _http.CreateRunAsync(request), RunTimeout);
        Assert.True(run.Text("status") == "succeeded", run.ToJsonString());
        return run;
    }

    private static string ArtifactOf(JsonObject run, string kind) =>
        run["artifacts"]!.AsArray().Single(a => a.Text("kind") == kind).Text("artifactId");

    private static IReadOnlyList<string> Ids(JsonObject metrics, string property) =>
        metrics[property]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
}
