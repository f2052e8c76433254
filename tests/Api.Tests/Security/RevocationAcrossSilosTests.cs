using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Silo.Commands;
using LabSandbox.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Two API processes' worth of hosts, each with its own silo, joined in one cluster on PostgreSQL: a key created with the
/// <c>keys</c> command (a client that finds the gateways in PostgreSQL) works on both, and once revoked it is refused by
/// both at their very next request — the registry is one grain for the whole cluster, asked on every request.
/// </summary>
public sealed class RevocationAcrossSilosTests
{
    [Fact]
    public async Task A_key_revoked_through_the_cluster_is_refused_by_every_api_at_its_next_request()
    {
        var serviceId = $"keys-silos-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString,
            ["LabSandbox:Auth:Mode"] = SecurityApi.RequiredMode,
            ["LabSandbox:ImportRealData"] = "false",
        };
        await using var first = new LabApiFactory(settings, serviceId);
        await using var second = new LabApiFactory(settings, serviceId);
        first.CreateClient().Dispose();
        second.CreateClient().Dispose();
        await WaitForSilosAsync(first.Services.GetRequiredService<IClusterClient>(), 2);

        var created = await KeysAsync(serviceId, "keys", "create", "--name", "across-silos", "--role", "reader");
        Assert.True(created.ExitCode == ExitCodes.Success, created.Error);
        var key = created.Output.Split('\n')[0].Trim();
        using var viaFirst = first.ClientWith(key);
        using var viaSecond = second.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await viaFirst.GetAsync("/api/v1/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/api/v1/runs")).StatusCode);

        var revoked = await KeysAsync(serviceId, "keys", "revoke", "across-silos");
        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.Error);

        await SecurityApi.AssertUnauthorizedAsync(await viaFirst.GetAsync("/api/v1/runs"), key, "first API, next request");
        await SecurityApi.AssertUnauthorizedAsync(await viaSecond.GetAsync("/api/v1/runs"), key, "second API, next request");
    }

    private static async Task<(int ExitCode, string Output, string Error)> KeysAsync(string serviceId, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SiloCommandLine.InvokeAsync(args, output, error, keysConfiguration: c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString,
            ["LabSandbox:ClusterId"] = serviceId,
            ["LabSandbox:ServiceId"] = serviceId,
        }));
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task WaitForSilosAsync(IClusterClient client, int count)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        await Eventually.WaitAsync(async () => (await management.GetHosts(onlyActive: true)).Count, n => n == count, $"{count} active silos", TimeSpan.FromSeconds(60));
    }
}
