using System.Text.Json.Nodes;
using LabSandbox.Api.Client.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Client.Tests.OpenApi;

/// <summary>
/// The committed document is the one the API serves: the client is generated from the committed copy, so a
/// stale copy would let the walkthrough test an old contract. <c>servers</c> is left out (it names whichever
/// host served the copy); formatting does not count.
/// </summary>
public sealed class CommittedDocumentTests(ClientApiFactory api) : IClassFixture<ClientApiFactory>
{
    [Fact]
    public async Task The_committed_document_is_the_served_one()
    {
        using var http = api.CreateClient();
        var served = Comparable(await http.GetStringAsync("/openapi/v1.json"));
        var committed = Comparable(await File.ReadAllTextAsync(RepoRoot.OpenApiDocument));

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"docs/api/openapi-v1.json differs from GET /openapi/v1.json ({Difference(served, committed)}). Refresh it with " +
            $"`{OpenApiLintTests.WriteVariable}=1 dotnet test tests/Api.Client.Tests --filter The_served_document` and rebuild (the client follows).");
    }

    private static JsonObject Comparable(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document;
    }

    /// <summary>The first operation or schema that differs, so the message says where to look.</summary>
    private static string Difference(JsonObject served, JsonObject committed)
    {
        foreach (var section in new[] { "paths", "components" })
        {
            var a = served[section] as JsonObject ?? [];
            var b = committed[section] as JsonObject ?? [];
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (!JsonNode.DeepEquals(a[key], b[key]))
                {
                    var how = (a.ContainsKey(key), b.ContainsKey(key)) switch
                    {
                        (true, false) => "only in the served one",
                        (false, true) => "only in the committed one",
                        _ => "differs",
                    };
                    return $"first: {section} '{key}' {how}";
                }
            }
        }

        return "outside paths and components";
    }
}
