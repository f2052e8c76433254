using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>
/// Outside Development a 500 says only that something failed: no exception text, type or stack trace. The failure is
/// real: the artifact store (a test double around the real one) throws when the API reads an artifact's bytes.
/// </summary>
public sealed class ProductionProblemDetailsTests : IAsyncLifetime
{
    private const string Secret = "secret-internal-detail /srv/lab/.artifacts";

    private readonly LabApiFactory _factory = new(
        new Dictionary<string, string?> { ["environment"] = "Production" },
        services: services =>
        {
            var root = Path.Combine(Path.GetTempPath(), "labsandbox-tests", $"prod-{Environment.ProcessId}-{Guid.NewGuid():N}");
            services.AddSingleton<IArtifactStore>(new UnreadableStore(new LocalFolderArtifactStore(root)));
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_500_carries_no_exception_text_or_stack_trace()
    {
        var http = _factory.CreateClient();
        var runId = await http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2017", "pre_tournament"));
        var run = await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(30));
        var artifactId = run["artifacts"]!.AsArray()[0]!["artifactId"]!.GetValue<string>();

        using var response = await http.GetAsync($"/api/v1/artifacts/{artifactId}/content");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nameof(InvalidOperationException), text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("LabSandbox.", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(500, problem["status"]!.GetValue<int>());
        Assert.Equal(["status", "title", "traceId", "type"], problem.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>Writes through; every read fails with a message that must not reach the client.</summary>
    private sealed class UnreadableStore(IArtifactStore inner) : IArtifactStore
    {
        public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            inner.PutAsync(artifactId, fileName, content, cancellationToken);

        public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) => inner.DeleteAsync(storageUri, cancellationToken);
    }
}
