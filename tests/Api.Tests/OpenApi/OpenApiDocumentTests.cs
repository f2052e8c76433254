using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document covers the app's real route table: every route under <c>/api/v1</c> and <c>/health</c>
/// with its method, an operation id, tags, a summary and responses, and a request schema for every body — so an
/// endpoint added without documentation fails here.
/// </summary>
public sealed class OpenApiDocumentTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Fact]
    public async Task Every_api_route_is_documented_with_its_method_operation_id_and_body_schema()
    {
        var paths = (await ServedDocumentAsync())["paths"]!.AsObject();
        var routes = ApiRoutes();
        Assert.NotEmpty(routes);

        foreach (var (path, method, hasBody) in routes)
        {
            var operation = paths[path]?[method.ToLowerInvariant()] as JsonObject;
            Assert.True(operation is not null, $"{method} {path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{method} {path} has no operationId");
            Assert.NotEmpty(operation["tags"]!.AsArray());
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.NotEmpty(operation["responses"]!.AsObject());
            if (hasBody)
            {
                Assert.True(operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject,
                    $"{method} {path} takes a body but documents no request schema");
            }
        }
    }

    [Fact]
    public async Task Operation_ids_are_the_endpoint_names_and_unique()
    {
        var operationIds = (await ServedDocumentAsync())["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>()))
            .ToList();

        Assert.Equal(operationIds.Count, operationIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("CreateRun", operationIds);
        Assert.Contains("Health", operationIds);
    }

    [Fact]
    public async Task Run_requests_are_an_abstract_base_by_kind_with_a_schema_per_kind_and_an_example_each()
    {
        var document = await ServedDocumentAsync();
        var body = document["paths"]!["/api/v1/runs"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        var schemaName = body["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1];
        var schemas = document["components"]!["schemas"]!;
        var schema = schemas[schemaName]!;
        string[] kinds = ["advancement", "field_fit", "market_share", "retention", "simulation", "strategy_generation"];

        // The base declares the discriminator and its values; each kind's schema inherits it through allOf.
        Assert.Equal("kind", schema["discriminator"]!["propertyName"]!.GetValue<string>());
        Assert.Equal(["kind"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(kinds, schema["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(schema["x-abstract"]!.GetValue<bool>());
        Assert.Null(schema["oneOf"]);
        Assert.Null(schema["anyOf"]);
        var mapping = schema["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(kinds, mapping.Select(m => m.Key).Order(StringComparer.Ordinal));
        foreach (var (kind, reference) in mapping)
        {
            var allOf = schemas[reference!.GetValue<string>().Split('/')[^1]]!["allOf"]!.AsArray();
            Assert.Equal($"#/components/schemas/{schemaName}", allOf[0]!["$ref"]!.GetValue<string>());
            Assert.True(allOf[1]!["properties"]!.AsObject().Count > 0 && allOf[1]!["properties"]!["kind"] is null, $"{kind}: its own fields, not the discriminator");
        }

        Assert.Equal(kinds, body["examples"]!.AsObject().Select(e => e.Value!["value"]!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_document_names_the_api_and_its_local_server()
    {
        var document = await ServedDocumentAsync();

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("LabSandbox API", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("v1", document["info"]!["version"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:5080", document["servers"]![0]!["url"]!.GetValue<string>());
    }

    private async Task<JsonObject> ServedDocumentAsync() =>
        JsonNode.Parse(await fixture.Http.GetStringAsync("/openapi/v1.json"))!.AsObject();

    /// <summary>The app's own routes under /api/v1 and /health, as OpenAPI paths, with each method and whether it takes a body.</summary>
    private List<(string Path, string Method, bool HasBody)> ApiRoutes() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Endpoint: e))
            .Where(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal) || r.Path == "/health" || r.Path.StartsWith("/health/", StringComparison.Ordinal))
            .SelectMany(r => r.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => (r.Path, m, r.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .ToList();
}
