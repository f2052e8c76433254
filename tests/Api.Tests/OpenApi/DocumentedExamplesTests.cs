using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;

namespace LabSandbox.Api.Tests.OpenApi;

/// <summary>
/// The typed request records and the grains that read the bodies agree: every documented example, sent as it is,
/// uses only fields the API reads, gives every field it requires, and fits each field's type — whatever the
/// cluster then says about the ids it names (examples name artifacts and candidates this cluster may not have).
/// </summary>
public sealed partial class DocumentedExamplesTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Fact]
    public async Task Every_documented_request_example_fits_what_the_api_reads()
    {
        var document = JsonNode.Parse(await fixture.Http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var sent = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var examples = operation!["requestBody"]?["content"]?["application/json"]?["examples"]?.AsObject() ?? [];
                foreach (var (name, example) in examples)
                {
                    // Path parameters get the example ids the Sandbox examples create (documents list paths in mapping order).
                    var target = PathParameter().Replace(path, "syn-what-if");
                    var reply = await fixture.Http.SendAsync(new HttpMethod(method.ToUpperInvariant()), target, example!["value"]!.DeepClone());
                    sent++;

                    Assert.True((int)reply.Status < 500 && reply.Status != HttpStatusCode.UnsupportedMediaType, $"{method} {path} ({name}): {reply}");
                    var messages = reply.Body?["errors"]?.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => $"{e.Key}: {m}")) ?? [];
                    Assert.DoesNotContain(messages, m => m.Contains("Unknown field", StringComparison.Ordinal)
                        || m.Contains("is required", StringComparison.Ordinal)
                        || m.Contains("must be a non-empty string", StringComparison.Ordinal)
                        || m.Contains("must be a whole number", StringComparison.Ordinal));
                }
            }
        }

        Assert.True(sent >= 10, $"only {sent} examples documented");
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex PathParameter();
}
