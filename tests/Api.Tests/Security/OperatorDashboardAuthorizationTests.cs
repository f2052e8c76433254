using System.Net;
using System.Text.RegularExpressions;
using LabSandbox.Api.Features.Operator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Every endpoint the Orleans dashboard maps under <c>/operator/dashboard</c>, with authentication required: a reader's
/// and an analyst's key get 403, no key gets no dashboard (the UI's sign-in redirect), an admin's key gets past
/// authorization. The dashboard's routes are the package's, so they are read from the route table, not listed.
/// </summary>
public sealed partial class OperatorDashboardAuthorizationTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Fact]
    public async Task Only_an_admin_reaches_any_dashboard_endpoint()
    {
        var routes = DashboardRoutes();
        Assert.Contains(routes, r => r == $"GET {OperatorDashboard.Path}/");
        foreach (var route in routes)
        {
            // "1" satisfies every parameter, the int-constrained page numbers included, so routing matches.
            var path = Parameter().Replace(route[(route.IndexOf(' ') + 1)..], "1");
            var method = new HttpMethod(route[..route.IndexOf(' ')]);
            foreach (var caller in new[] { "none", "reader", "analyst", "admin" })
            {
                using var http = fixture.Factory.ClientWith(caller == "none" ? null : fixture.Keys[caller]);
                // Headers only: the log stream endpoint keeps its body open.
                using var response = await http.SendAsync(new HttpRequestMessage(method, path), HttpCompletionOption.ResponseHeadersRead);
                var what = $"{caller} → {route}: {(int)response.StatusCode}";
                switch (caller)
                {
                    case "admin":
                        Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect), what);
                        break;
                    case "none":
                        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, what);
                        break;
                    default:
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, what);
                        break;
                }
            }
        }
    }

    private List<string> DashboardRoutes() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Route.StartsWith(OperatorDashboard.Path + "/", StringComparison.Ordinal) || e.Route == OperatorDashboard.Path)
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\{\*?\*?(\w+)[^}]*\}")]
    private static partial Regex Parameter();
}
