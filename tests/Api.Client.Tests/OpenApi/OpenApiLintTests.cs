using System.Text.Json.Nodes;
using LabSandbox.Api.Client.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Client.Tests.OpenApi;

/// <summary>
/// The API contract passes the project's Spectral ruleset (tools/api-lint/.spectral.yaml) with no error: the
/// committed document the client is generated from, and the document the API serves now. Warnings are printed.
/// </summary>
public sealed class OpenApiLintTests(ClientApiFactory api, ITestOutputHelper output) : IClassFixture<ClientApiFactory>
{
    [Fact]
    public async Task The_committed_document_has_no_lint_errors() =>
        AssertNoErrors("docs/api/openapi-v1.json", await Spectral.LintAsync(RepoRoot.OpenApiDocument));

    [Fact]
    public async Task The_served_document_has_no_lint_errors()
    {
        var served = await ServedDocumentAsync();
        Assert.Equal("3.1.1", JsonNode.Parse(served)!["openapi"]?.GetValue<string>());
        var file = Path.Combine(Path.GetTempPath(), $"labsandbox-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, served);
        try
        {
            AssertNoErrors("GET /openapi/v1.json", await Spectral.LintAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Positive control: the ruleset is loaded and bites (an operation without its id is an error).</summary>
    [Fact]
    public async Task A_document_that_breaks_the_rules_has_lint_errors()
    {
        var broken = JsonNode.Parse(await ServedDocumentAsync())!.AsObject();
        broken["paths"]!["/api/v1/runs"]!["post"]!.AsObject().Remove("operationId");
        broken["paths"]!["/api/v1/runs/{runId}"]!["get"]!["operationId"] = "get_run";
        var file = Path.Combine(Path.GetTempPath(), $"labsandbox-openapi-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, broken.ToJsonString());
        try
        {
            var errors = (await Spectral.LintAsync(file)).Where(f => f.Severity == 0).ToList();
            Assert.Contains(errors, e => e.Code == "operation-operationId" && e.Path == "paths./api/v1/runs.post");
            Assert.Contains(errors, e => e.Code == "operation-id-pascal-case" && e.Path.StartsWith("paths./api/v1/runs/{runId}.get", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> ServedDocumentAsync()
    {
        using var http = api.CreateClient();
        return await http.GetStringAsync("/openapi/v1.json");
    }

    private void AssertNoErrors(string what, IReadOnlyList<SpectralFinding> findings)
    {
        var errors = findings.Where(f => f.Severity == 0).ToList();
        errors.ForEach(e => output.WriteLine(e.ToString()));

        // Warnings are allowed: listed by rule, with where they are.
        foreach (var rule in findings.Where(f => f.Severity > 0).GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"warning {rule.Key} ({rule.Count()}): {rule.First().Message}");
            output.WriteLine("  " + string.Join(", ", rule.Select(f => f.Path)));
        }

        output.WriteLine($"{what}: {errors.Count} errors, {findings.Count(f => f.Severity == 1)} warnings");
        Assert.True(errors.Count == 0, $"{what} has {errors.Count} Spectral errors:\n{string.Join('\n', errors)}");
    }
}
