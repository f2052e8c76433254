using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Security;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Silo.Commands;
using LabSandbox.TestSupport;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace LabSandbox.Api.Tests.Commands;

/// <summary>
/// <c>LabSandbox.Silo keys</c> against a running cluster (the embedded API's silo, reached on its gateway port as the
/// command reaches a local cluster): a created key is printed once and works; the list shows hints, never keys; a
/// revoked key is refused by the API; usage mistakes exit 2, refusals and an unreachable cluster exit 1.
/// </summary>
public sealed class KeysCommandTests(KeysCommandTests.ClusterFixture fixture) : IClassFixture<KeysCommandTests.ClusterFixture>
{
    [Fact]
    public async Task Create_prints_the_key_once_list_shows_only_its_hint_and_revoke_refuses_it_at_the_next_request()
    {
        var created = await fixture.InvokeAsync("keys", "create", "--name", "ci-bot", "--role", "analyst");

        Assert.Equal((ExitCodes.Success, ""), (created.ExitCode, created.Error));
        var lines = created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        var key = lines[0];
        Assert.True(ApiKeys.LooksLikeKey(key), key);
        Assert.Contains("Store it now", lines[1]);
        using var http = fixture.Api.ClientWith(key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/runs")).StatusCode);

        var listed = await fixture.InvokeAsync("keys", "list");
        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        var row = Assert.Single(listed.Output.Split('\n'), l => l.StartsWith("ci-bot ", StringComparison.Ordinal));
        Assert.Contains("analyst", row);
        Assert.Contains(ApiKeys.Hint(key), row);
        Assert.EndsWith(" -", row.TrimEnd());
        Assert.DoesNotContain(key, listed.Output);
        Assert.DoesNotContain(ApiKeys.Hash(key), listed.Output);

        var duplicate = await fixture.InvokeAsync("keys", "create", "--name", "ci-bot", "--role", "reader");
        Assert.Equal((ExitCodes.Failure, ""), (duplicate.ExitCode, duplicate.Output));
        Assert.Contains("'ci-bot' exists", duplicate.Error);

        var revoked = await fixture.InvokeAsync("keys", "revoke", "ci-bot");
        Assert.Equal(ExitCodes.Success, revoked.ExitCode);
        Assert.Contains("Revoked key 'ci-bot'", revoked.Output);
        await SecurityApi.AssertUnauthorizedAsync(await http.GetAsync("/api/v1/runs"), key, "after keys revoke");
        var row2 = Assert.Single((await fixture.InvokeAsync("keys", "list")).Output.Split('\n'), l => l.StartsWith("ci-bot ", StringComparison.Ordinal));
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s*$", row2);

        var again = await fixture.InvokeAsync("keys", "revoke", "ci-bot");
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("No active key is named 'ci-bot'", again.Error);
    }

    [Theory]
    [InlineData(new[] { "keys", "create", "--name", "Bad Name", "--role", "reader" }, "--name: A key's name is 1–64 characters")]
    [InlineData(new[] { "keys", "create", "--name", "local", "--role", "reader" }, "'local' is reserved")]
    [InlineData(new[] { "keys", "create", "--name", "ok", "--role", "root" }, "--role: A key's role is one of reader, analyst, admin")]
    [InlineData(new[] { "keys", "create", "--name", "ok" }, "--role")]
    [InlineData(new[] { "keys", "create", "--role", "admin" }, "--name")]
    [InlineData(new[] { "keys", "revoke" }, "NAME")]
    [InlineData(new[] { "keys", "list", "--all" }, "'--all'")]
    [InlineData(new[] { "keys" }, "keys")]
    public async Task A_usage_mistake_exits_2_naming_it_and_touches_no_cluster(string[] args, string message)
    {
        var run = await fixture.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData(new[] { "keys", "--help" }, new[] { "create", "list", "revoke", "ConnectionStrings__LabSandbox" })]
    [InlineData(new[] { "keys", "create", "--help" }, new[] { "--name", "--role", "reader, analyst, admin" })]
    [InlineData(new[] { "--help" }, new[] { "keys" })]
    public async Task Help_lists_the_subcommands_and_options(string[] args, string[] expected)
    {
        var run = await fixture.InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.All(expected, text => Assert.Contains(text, run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_reachable_cluster_it_exits_1_and_says_where_it_looked()
    {
        var port = FreePorts.Next();
        var error = new StringWriter();
        var exitCode = await SiloCommandLine.InvokeAsync(["keys", "list"], new StringWriter(), error, keysConfiguration: c => c.AddInMemoryCollection(
            new Dictionary<string, string?> { ["LabSandbox:GatewayPort"] = port.ToString(), ["LabSandbox:ClusterId"] = "nobody", ["LabSandbox:ServiceId"] = "nobody" }));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"no cluster reachable at the local gateway on port {port}", error.ToString());
    }

    public sealed class ClusterFixture : IAsyncDisposable
    {
        private readonly Dictionary<string, string?> _cluster;

        public ClusterFixture()
        {
            var gateway = FreePorts.Next().ToString();
            Api = new LabApiFactory(new Dictionary<string, string?> { ["LabSandbox:GatewayPort"] = gateway, ["LabSandbox:Auth:Mode"] = "required" });
            _cluster = new Dictionary<string, string?>
            {
                ["LabSandbox:GatewayPort"] = gateway,
                ["LabSandbox:ClusterId"] = Api.ServiceId,
                ["LabSandbox:ServiceId"] = Api.ServiceId,
            };
            Api.CreateClient().Dispose(); // starts the silo
        }

        public LabApiFactory Api { get; }

        public async Task<Invocation> InvokeAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = await SiloCommandLine.InvokeAsync(args, output, error, (_, _) => Task.FromResult(99), c => c.AddInMemoryCollection(_cluster));
            return new Invocation(exitCode, output.ToString(), error.ToString());
        }

        public async ValueTask DisposeAsync() => await Api.DisposeAsync();
    }

    public sealed record Invocation(int ExitCode, string Output, string Error);
}
