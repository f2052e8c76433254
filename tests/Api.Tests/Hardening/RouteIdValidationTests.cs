using System.Net;
using LabSandbox.Api.Infrastructure.Hardening;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>Route ids outside their grammar are a 400 naming the parameter, on every API route with one, and reach no grain.</summary>
public sealed class RouteIdValidationTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Theory]
    [InlineData("run-advancement-0123456789abcdef-pinned")]
    [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("cand-exp-0123456789abcdef01234567")]
    [InlineData("my-entry_2.v1")]
    [InlineData("a")]
    public void The_lab_s_own_ids_fit_the_grammar(string id) => Assert.True(RouteIdGrammar.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("a b")]
    [InlineData("%2e%2e")]
    [InlineData("-leading-dash")]
    [InlineData("ünïcode")]
    [InlineData("a\u200Bb")]
    public void Anything_else_does_not(string id) => Assert.False(RouteIdGrammar.IsValid(id));

    [Fact]
    public void Ids_are_at_most_200_characters() =>
        Assert.Equal([true, false], new[] { new string('a', 200), new string('a', 201) }.Select(RouteIdGrammar.IsValid));

    [Theory]
    [InlineData("/api/v1/runs/..%2F..%2Fetc", "runId")]
    [InlineData("/api/v1/runs/%2e%2ex", "runId")]
    [InlineData("/api/v1/runs/run%01x", "runId")]
    [InlineData("/api/v1/runs/run%0Ax/events", "runId")]
    [InlineData("/api/v1/artifacts/art%20x/content", "artifactId")]
    [InlineData("/api/v1/tournaments/ncaa%E2%80%AE2017", "tournamentId")]
    [InlineData("/api/v1/sandbox/synthetic-calcuttas/syn-1/versions/sha256%2F..", "digest")]
    public async Task A_bad_route_id_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var problem = await (await fixture.Http.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Every_API_route_parameter_is_checked_and_a_well_formed_unknown_id_is_still_a_404()
    {
        var routes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes with parameters");
        var writes = fixture.Factory.Storage!.WritesByState;
        foreach (var route in routes)
        {
            var method = route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0];
            foreach (var bad in route.RoutePattern.Parameters)
            {
                var path = "/" + string.Join("/", route.RoutePattern.PathSegments.Select(segment =>
                    string.Concat(segment.Parts.Select(part => part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => p.Name == bad.Name ? "bad%20id" : "zz-unknown-1",
                        _ => "",
                    }))));
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var problem = await (await fixture.Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.True(problem["errors"]?[bad.Name] is not null, $"{method} {path}: {problem.ToJsonString()}");
            }
        }

        using var unknown = await fixture.Http.GetAsync("/api/v1/runs/run-well-formed-but-unknown");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(writes, fixture.Factory.Storage.WritesByState);
    }
}
