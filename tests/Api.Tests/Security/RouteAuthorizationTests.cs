using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LabSandbox.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Every route of the API (from the app's own route table) × {no key, revoked key, reader, analyst, admin}, with
/// authentication required: a caller below the route's role gets a 401 (no valid key) or a 403 (a valid key, too
/// little role) problem; a caller at or above it gets past authorization (ids that do not exist and malformed bodies
/// keep the calls cheap: 404 and 400 are what they answer). A route missing from the table fails the test.
/// </summary>
public sealed partial class RouteAuthorizationTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    private const string Open = "open";

    /// <summary>The least role each route needs (method and route pattern as mapped), or <see cref="Open"/>.</summary>
    private static readonly Dictionary<string, string> MinimumRole = new(StringComparer.Ordinal)
    {
        ["GET /health"] = Open,
        ["GET /health/live"] = Open,
        ["GET /health/ready"] = Open,
        ["GET /openapi/{documentName}.json"] = Open,
        ["GET /api/docs/{documentName?}"] = Open,
        ["GET /api/docs/scalar.js"] = Open,
        ["GET /api/docs/scalar.aspnetcore.js"] = Open,
        ["GET /api/docs/favicon.svg"] = Open,
        ["GET /metrics"] = "reader",

        ["GET /api/v1/tournaments/"] = "reader",
        ["GET /api/v1/tournaments/{tournamentId}"] = "reader",
        ["GET /api/v1/calcuttas/"] = "reader",
        ["GET /api/v1/calcuttas/{calcuttaId}"] = "reader",

        ["POST /api/v1/runs/"] = "analyst",
        ["GET /api/v1/runs/"] = "reader",
        ["GET /api/v1/runs/{runId}"] = "reader",
        ["GET /api/v1/runs/{runId}/events"] = "reader",
        ["POST /api/v1/runs/{runId}/cancel"] = "analyst",
        ["POST /api/v1/runs/{runId}/requeue"] = "admin",

        ["GET /api/v1/audit/"] = "admin",

        ["GET /api/v1/artifacts/{artifactId}"] = "reader",
        ["GET /api/v1/artifacts/{artifactId}/content"] = "reader",
        ["GET /api/v1/artifacts/{artifactId}/lineage"] = "reader",
        ["GET /api/v1/artifacts/{artifactId}/uses"] = "reader",

        ["GET /api/v1/lab/candidates/coverage"] = "reader",
        ["POST /api/v1/lab/candidates/generate"] = "analyst",
        ["GET /api/v1/lab/candidates/"] = "reader",
        ["GET /api/v1/lab/candidates/{candidateId}"] = "reader",
        ["GET /api/v1/lab/candidates/{candidateId}/lineage"] = "reader",

        ["POST /api/v1/sandbox/synthetic-calcuttas/"] = "analyst",
        ["POST /api/v1/sandbox/synthetic-calcuttas/from-calcutta"] = "analyst",
        ["GET /api/v1/sandbox/synthetic-calcuttas/"] = "reader",
        ["GET /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}"] = "reader",
        ["GET /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/versions/{digest}"] = "reader",
        ["POST /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/entries"] = "analyst",
        ["PUT /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/entries/{entryKey}"] = "analyst",
        ["DELETE /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/entries/{entryKey}"] = "analyst",
        ["POST /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/candidates"] = "analyst",
        ["DELETE /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/candidates/{candidateId}"] = "analyst",
        ["PUT /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/focus"] = "analyst",
        ["PUT /api/v1/sandbox/synthetic-calcuttas/{syntheticCalcuttaId}/excluded-entry"] = "analyst",

        ["POST /api/v1/sandbox/cohorts/"] = "analyst",
        ["GET /api/v1/sandbox/cohorts/"] = "reader",
        ["GET /api/v1/sandbox/cohorts/{cohortId}"] = "reader",
        ["POST /api/v1/sandbox/cohorts/{cohortId}/simulations"] = "analyst",
        ["GET /api/v1/sandbox/cohorts/{cohortId}/results"] = "reader",
        ["GET /api/v1/sandbox/cohorts/{cohortId}/simulations/{simulationId}/results"] = "reader",

        ["POST /api/v1/experiments/"] = "analyst",
        ["GET /api/v1/experiments/"] = "reader",
        ["GET /api/v1/experiments/{experimentId}"] = "reader",
        ["GET /api/v1/experiments/{experimentId}/iterations"] = "reader",
        ["GET /api/v1/experiments/{experimentId}/events"] = "reader",
        ["GET /api/v1/experiments/{experimentId}/runs"] = "reader",
        ["POST /api/v1/experiments/{experimentId}/cancel"] = "analyst",

        ["GET /api/v1/backtest/"] = "reader",
    };

    private static readonly string[] Callers = ["none", "revoked", "reader", "analyst", "admin"];

    [Fact]
    public void Every_route_of_the_API_has_an_entry_in_the_table_and_every_entry_is_a_route()
    {
        Assert.Equal(MinimumRole.Keys.Order(StringComparer.Ordinal), ApiRoutes().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_caller_gets_exactly_what_its_role_allows_on_every_route()
    {
        foreach (var route in ApiRoutes().Order(StringComparer.Ordinal))
        {
            // A route missing from the table fails here too, naming it.
            Assert.True(MinimumRole.TryGetValue(route, out var minimum), $"'{route}' has no entry in the authorization table");
            var method = route[..route.IndexOf(' ')];
            var path = Concrete(route[(route.IndexOf(' ') + 1)..]);
            foreach (var caller in Callers)
            {
                var key = caller == "none" ? null : fixture.Keys[caller];
                using var http = fixture.Factory.ClientWith(key);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    // Not a JSON object: binding refuses it with a 400 once authorization has let the request through.
                    request.Content = new StringContent("[]", Encoding.UTF8, "application/json");
                }

                using var response = await http.SendAsync(request);
                var what = $"{caller} → {method} {path}";
                if (minimum == Open || (caller is "reader" or "analyst" or "admin" && LabPolicies.Allows(caller, minimum)))
                {
                    Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                        $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (caller is "none" or "revoked")
                {
                    await SecurityApi.AssertUnauthorizedAsync(response, key, what);
                }
                else
                {
                    await SecurityApi.AssertForbiddenAsync(response, minimum, what);
                }
            }
        }
    }

    /// <summary>"METHOD /pattern" for every API route (the web UI's pages, assets and circuit hub are not the API's).</summary>
    private List<string> ApiRoutes() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal) || e.Route.StartsWith("/openapi/", StringComparison.Ordinal) || e.Route == "/health" || e.Route.StartsWith("/health/", StringComparison.Ordinal)
                || e.Route == "/metrics")
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}"))
            .Distinct()
            .ToList();

    /// <summary>The pattern with each parameter filled: the document name <c>v1</c>, a digest, otherwise an id no test creates.</summary>
    private static string Concrete(string pattern) =>
        Parameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "documentName" => "v1",
            "digest" => "sha256:0000",
            _ => "zz-missing",
        });

    [GeneratedRegex(@"\{(\w+)\??\}")]
    private static partial Regex Parameter();
}
