using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// With authentication required the probes stay open, but only an admin's key sees each check: no key, a reader and
/// an analyst get the status alone (and the same code), so a failing dependency is not described to strangers.
/// </summary>
public sealed class HealthDetailTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    public async Task Only_an_admin_sees_each_check(string path)
    {
        foreach (var caller in new[] { "none", "reader", "analyst", "admin" })
        {
            using var http = fixture.Factory.ClientWith(caller == "none" ? null : fixture.Keys[caller]);
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal("Healthy", body["status"]!.GetValue<string>());
            Assert.Equal(caller == "admin", body.ContainsKey("checks"));
        }
    }
}
