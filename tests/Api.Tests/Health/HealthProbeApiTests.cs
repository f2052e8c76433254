using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Silo.Health;
using LabSandbox.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace LabSandbox.Api.Tests.Health;

/// <summary>
/// The API's probes (local mode, so the caller is the local admin and sees each check): <c>/health/live</c> runs no
/// check, <c>/health/ready</c> the cluster, the artifact store and (when configured) PostgreSQL.
/// </summary>
public sealed class HealthProbeApiTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Fact]
    public async Task Live_is_healthy_without_running_any_check()
    {
        var (status, body) = await GetAsync(fixture.Http, "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Ready_on_the_embedded_default_checks_the_cluster_and_the_artifact_folder()
    {
        var (status, body) = await GetAsync(fixture.Http, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["artifacts", "cluster"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));

        // The original readiness endpoint stays as it was.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Ready_on_postgres_checks_the_cluster_the_database_and_the_artifact_store()
    {
        await using var factory = new LabApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString });
        var (status, body) = await GetAsync(factory.CreateClient(), "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["artifacts", "cluster", "postgres"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ready_answers_503_with_the_failing_check_while_live_stays_200()
    {
        await using var factory = new LabApiFactory(services: s => s.AddHealthChecks()
            .AddCheck("down", () => HealthCheckResult.Unhealthy("deliberately down"), tags: [LabHealthProbes.ReadyTag]));
        var http = factory.CreateClient();
        var (status, body) = await GetAsync(http, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("deliberately down", body["checks"]!["down"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["cluster"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/health/live")).Status);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_artifact_store_refuses_a_write()
    {
        await using var factory = new LabApiFactory(services: s => s.AddSingleton<IArtifactStore>(new RefusingStore()));
        var (status, body) = await GetAsync(factory.CreateClient(), "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["checks"]!["artifacts"]!["status"]!.GetValue<string>());
        // The exception's type only: its message may carry a path.
        Assert.Equal("The artifact store refused a write within 5 s (IOException)", body["checks"]!["artifacts"]!["description"]!.GetValue<string>());
    }

    /// <summary>A full or read-only disk.</summary>
    private sealed class RefusingStore : IArtifactStore
    {
        public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            Task.FromException<string>(new IOException("/secret/path: no space left on device"));

        public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
